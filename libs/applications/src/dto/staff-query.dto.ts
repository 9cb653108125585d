import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageQuery } from '@vgbf/core';
import { IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { ELIGIBILITIES, type Eligibility, type ApplicationFilters } from '../data-access/application-filters';
import { APPLICATION_STATUSES, type ApplicationStatus, REGIONS, type Region } from '../entities/application.entity';
import { SECTORS } from './sections.dto';

export class ApplicationListQuery extends PageQuery implements ApplicationFilters {
  @ApiProperty()
  @IsUUID()
  cohortId: string;

  @ApiPropertyOptional({ enum: APPLICATION_STATUSES })
  @IsOptional()
  @IsIn(APPLICATION_STATUSES)
  status?: ApplicationStatus;

  @ApiPropertyOptional({ example: 'JP', description: 'Ranked this hub (any rank)' })
  @IsOptional()
  @Matches(/^[A-Z]{2,4}$/)
  hub?: string;

  @ApiPropertyOptional({ enum: SECTORS })
  @IsOptional()
  @IsIn(SECTORS)
  sector?: (typeof SECTORS)[number];

  @ApiPropertyOptional({ enum: REGIONS })
  @IsOptional()
  @IsIn(REGIONS)
  region?: Region;

  @ApiPropertyOptional({
    enum: ELIGIBILITIES,
    description: 'eligible: submitted and not ruled ineligible; ineligible; unchecked: never submitted',
  })
  @IsOptional()
  @IsIn(ELIGIBILITIES)
  eligibility?: Eligibility;

  @ApiPropertyOptional({
    description: 'Name or enterprise; diacritics ignored ("nguyen van an" finds "Nguyễn Văn An")',
  })
  @IsOptional()
  @MaxLength(100)
  @IsString()
  q?: string;
}

export class PipelineQuery {
  @ApiProperty()
  @IsUUID()
  cohortId: string;
}

export class ApplicationListItem {
  @ApiProperty() id: string;
  @ApiProperty({ enum: APPLICATION_STATUSES }) status: ApplicationStatus;
  @ApiProperty({ nullable: true, type: String }) fullName: string | null;
  @ApiProperty({ nullable: true, type: String }) enterpriseName: string | null;
  @ApiProperty({ nullable: true, type: String }) sector: string | null;
  @ApiProperty({ enum: REGIONS, nullable: true }) region: Region | null;
  @ApiProperty({ type: [String] }) hubPreferences: string[];
  @ApiProperty({ nullable: true, type: String }) submittedAt: string | null;
}

export class PipelineView {
  @ApiProperty() cohortId: string;
  @ApiProperty({ description: 'Applications per status (every status listed, zeros included)' })
  counts: Record<ApplicationStatus, number>;
  @ApiProperty() total: number;
}
