import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { COHORT_DATES } from '@vgbf/cohorts';
import { IsCalendarDate, trimmed } from '@vgbf/core';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { EXPERTISE_AREAS, type ExpertiseArea } from '@vgbf/solvers';
import { FELLOW_STATUSES, type FellowStatus } from '../entities/fellow.entity';

export class FellowGoalsDto {
  @ApiProperty({ enum: EXPERTISE_AREAS, isArray: true, example: ['legal', 'export_logistics'] })
  @ArrayUnique({ message: 'each goal may be listed once' })
  @ArrayMaxSize(EXPERTISE_AREAS.length)
  @IsIn(EXPERTISE_AREAS, { each: true, message: `each goal must be one of: ${EXPERTISE_AREAS.join(', ')}` })
  @IsArray()
  goals: ExpertiseArea[];
}

/** Staff adjust one fellow's programme year (a visa delay moves the start), with the reason audited. */
export class UpdateFellowDto {
  @ApiPropertyOptional({ example: '2027-09-15' })
  @IsOptional()
  @IsCalendarDate(COHORT_DATES)
  @IsString()
  startDate?: string;

  @ApiPropertyOptional({ example: '2028-09-14' })
  @IsOptional()
  @IsCalendarDate(COHORT_DATES)
  @IsString()
  endDate?: string;

  @ApiPropertyOptional({ enum: FELLOW_STATUSES })
  @IsOptional()
  @IsIn(FELLOW_STATUSES)
  status?: FellowStatus;

  @ApiPropertyOptional({ enum: EXPERTISE_AREAS, isArray: true })
  @IsOptional()
  @ArrayUnique({ message: 'each goal may be listed once' })
  @IsIn(EXPERTISE_AREAS, { each: true, message: `each goal must be one of: ${EXPERTISE_AREAS.join(', ')}` })
  @IsArray()
  goals?: ExpertiseArea[];

  @ApiProperty({ example: 'Visa delayed by three weeks' })
  @Transform(trimmed)
  @IsNotEmpty({ message: 'reason is required' })
  @MaxLength(500)
  @IsString()
  reason: string;
}

export class FellowHubView {
  @ApiProperty() id: string;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String, description: 'The name in Vietnamese' }) nameVi: string | null;
  @ApiProperty() city: string;
  @ApiProperty() timeZone: string;
}

export class LanguageCertificateView {
  @ApiProperty() test: string;
  @ApiProperty() level: string;
}

export class FellowView {
  @ApiProperty() id: string;
  @ApiProperty() cohortId: string;
  @ApiProperty() cohortName: string;
  @ApiProperty() userId: string;
  @ApiProperty() fullName: string;
  @ApiProperty() email: string;
  @ApiProperty({ nullable: true, type: String }) gender: string | null;
  @ApiProperty({ nullable: true, type: String }) region: string | null;
  @ApiProperty({ nullable: true, type: String }) province: string | null;
  @ApiProperty({ nullable: true, type: String }) enterpriseName: string | null;
  @ApiProperty({ nullable: true, type: String }) sector: string | null;
  @ApiProperty({ type: [String] }) languages: string[];
  @ApiProperty({ type: [LanguageCertificateView] }) languageCertificates: LanguageCertificateView[];
  @ApiProperty({ type: [String] }) hubPreferences: string[];
  @ApiProperty({ nullable: true, type: Number }) selectionScore: number | null;
  @ApiProperty({ enum: EXPERTISE_AREAS, isArray: true }) goals: string[];
  @ApiProperty({ example: '2027-09-01' }) startDate: string;
  @ApiProperty({ example: '2028-08-31' }) endDate: string;
  @ApiProperty({ type: FellowHubView, nullable: true }) hub: FellowHubView | null;
  @ApiProperty({ nullable: true, type: String }) placedAt: string | null;
  @ApiProperty({ enum: FELLOW_STATUSES }) status: FellowStatus;
}
