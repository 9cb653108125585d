import { ApiProperty, ApiPropertyOptional, PartialType, OmitType } from '@nestjs/swagger';
import { IsCalendarDate, IsLocalDateTime, IsVisibleName, normalizedText } from '@vgbf/core';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
  IsTimeZone,
} from 'class-validator';
import { COHORT_STATUSES, type CohortStatus, type EligibilityRule, TRACK_MONTHS } from '../entities/cohort.entity';
import { LANGUAGE_TESTS, type LanguageTest } from '../entities/hub.entity';
import { IsScoreOf } from './score-validator';

/** Cohort dates fall within this window: anything outside is a typing slip (0000-01-01, 9999-12-31). */
export const COHORT_DATES = { min: '2000-01-01', max: '2100-12-31' } as const;

export class LanguageRequirementDto {
  @ApiProperty({ enum: LANGUAGE_TESTS })
  @IsIn(LANGUAGE_TESTS)
  test: LanguageTest;

  @ApiProperty({
    example: '6.5',
    description: "On the test's own scale: IELTS 0–9 by 0.5, TOEFL 0–120, TOEIC 10–990 by 5, JLPT N5–N1, TOPIK 1–6",
  })
  @IsScoreOf('test')
  @MaxLength(100)
  @IsString()
  minimum: string;
}

export class HubDto {
  @ApiProperty({ example: 'JP' })
  @Matches(/^[A-Z]{2,4}$/, { message: 'code must be 2–4 capital letters' })
  @IsString()
  code: string;

  @ApiProperty({ example: 'Japan' })
  @Transform(normalizedText)
  @MaxLength(80)
  @IsVisibleName()
  @IsString()
  name: string;

  @ApiProperty({ example: 'Tokyo' })
  @Transform(normalizedText)
  @MaxLength(80)
  @IsVisibleName()
  @IsString()
  city: string;

  @ApiProperty({ minimum: 1, maximum: 100 })
  @Min(1)
  @Max(100)
  @IsInt()
  capacity: number;

  @ApiPropertyOptional({
    minimum: 0,
    maximum: 100,
    default: 0,
    description: 'The fewest fellows the hub must receive: at most its capacity',
  })
  @IsOptional()
  @Min(0)
  @Max(100)
  @IsInt()
  minimumFellows?: number;

  @ApiPropertyOptional({ example: 'Asia/Tokyo', description: 'IANA time zone of the hub city' })
  @IsOptional()
  @IsTimeZone({ message: 'timeZone must be an IANA time zone such as Asia/Tokyo' })
  timeZone?: string;

  @ApiPropertyOptional({ type: [String], example: ['ja'], description: 'ISO 639-1 codes of the local languages' })
  @IsOptional()
  @ArrayMaxSize(6)
  @Matches(/^[a-z]{2}$/, { each: true, message: 'each local language must be a two-letter ISO 639-1 code' })
  @IsArray()
  localLanguages?: string[];

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @ArrayMaxSize(20)
  @MaxLength(200, { each: true })
  @IsVisibleName({ each: true, message: 'each partner organisation must contain letters or digits' })
  @IsString({ each: true })
  @IsArray()
  partnerOrganisations?: string[];

  @ApiPropertyOptional({ type: [LanguageRequirementDto], description: 'Any one of them satisfies the hub' })
  @IsOptional()
  @ArrayMaxSize(6)
  @ValidateNested({ each: true })
  @Type(() => LanguageRequirementDto)
  @IsArray()
  languageRequirements?: LanguageRequirementDto[];
}

export class CreateCohortDto {
  @ApiProperty({ example: 'VGBF 2027' })
  @Transform(normalizedText)
  @MaxLength(80)
  @IsVisibleName()
  @IsString()
  name: string;

  @ApiProperty({ example: 2027 })
  @Min(2024)
  @Max(2100)
  @IsInt()
  year: number;

  @ApiProperty({ minimum: 50, maximum: 100, description: 'How many fellows the cohort aims for' })
  @Min(50, { message: 'targetSize must be between 50 and 100' })
  @Max(100, { message: 'targetSize must be between 50 and 100' })
  @IsInt()
  targetSize: number;

  @ApiProperty({ enum: TRACK_MONTHS })
  @IsIn(TRACK_MONTHS, { message: 'trackMonths must be 6, 9 or 12' })
  trackMonths: number;

  @ApiProperty({
    example: '2027-01-15T08:00',
    description: `Vietnam time (Asia/Ho_Chi_Minh), no offset; ${COHORT_DATES.min} to ${COHORT_DATES.max}`,
  })
  @IsLocalDateTime(COHORT_DATES)
  @IsString()
  applicationOpensAt: string;

  @ApiProperty({
    example: '2027-03-31T23:59',
    description: `Vietnam time (Asia/Ho_Chi_Minh), no offset; ${COHORT_DATES.min} to ${COHORT_DATES.max}`,
  })
  @IsLocalDateTime(COHORT_DATES)
  @IsString()
  applicationClosesAt: string;

  @ApiProperty({ minimum: 1, maximum: 60, example: 7 })
  @Min(1)
  @Max(60)
  @IsInt()
  offerResponseDays: number;

  @ApiProperty({ example: '2027-09-01', description: `A real date, ${COHORT_DATES.min} to ${COHORT_DATES.max}` })
  @IsCalendarDate(COHORT_DATES)
  @IsString()
  programmeStartDate: string;

  @ApiPropertyOptional({ type: [HubDto], description: 'Defaults to the hubs in config/hubs.json' })
  @IsOptional()
  @ArrayUnique((hub: HubDto) => hub?.code, { message: 'hubs must have distinct codes' })
  @ArrayMaxSize(10)
  @ArrayMinSize(1)
  @ValidateNested({ each: true })
  @Type(() => HubDto)
  @IsArray()
  hubs?: HubDto[];
}

export class UpdateCohortDto extends PartialType(OmitType(CreateCohortDto, ['hubs'] as const)) {}

export class TransitionDto {
  @ApiProperty({ enum: COHORT_STATUSES })
  @IsIn(COHORT_STATUSES)
  status: CohortStatus;

  @ApiPropertyOptional({ description: 'Why, for the audit log' })
  @IsOptional()
  @MaxLength(1000)
  @IsString()
  reason?: string;
}

export class HubView {
  @ApiProperty() id: string;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty() city: string;
  @ApiProperty() capacity: number;
  @ApiProperty() minimumFellows: number;
  @ApiProperty({ example: 'Asia/Tokyo' }) timeZone: string;
  @ApiProperty({ type: [String] }) localLanguages: string[];
  @ApiProperty({ type: [String] }) partnerOrganisations: string[];
  @ApiProperty({ type: [LanguageRequirementDto] }) languageRequirements: LanguageRequirementDto[];
}

export class CohortView {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty() year: number;
  @ApiProperty() targetSize: number;
  @ApiProperty() trackMonths: number;
  @ApiProperty({ description: 'UTC' }) applicationOpensAt: string;
  @ApiProperty({ description: 'UTC' }) applicationClosesAt: string;
  @ApiProperty({ example: { opens: '2027-01-15T08:00', closes: '2027-03-31T23:59', timeZone: 'Asia/Ho_Chi_Minh' } })
  applicationWindowLocal: { opens: string; closes: string; timeZone: string };
  @ApiProperty() offerResponseDays: number;
  @ApiProperty() programmeStartDate: string;
  @ApiProperty({ enum: COHORT_STATUSES }) status: CohortStatus;
  @ApiProperty() eligibilityRules: EligibilityRule[];
  @ApiProperty({ type: [HubView] }) hubs: HubView[];
}
