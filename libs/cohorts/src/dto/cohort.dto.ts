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
  IsBoolean,
  IsObject,
} from 'class-validator';
import {
  COHORT_STATUSES,
  type CohortStatus,
  ELIGIBILITY_RULE_CODES,
  type EligibilityRule,
  type EligibilityRuleCode,
  TRACK_MONTHS,
} from '../entities/cohort.entity';
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
  @Matches(/^[A-Z]{2,4}$/, { message: 'code must be 2–4 capital letters', context: { code: 'validation.hub_code' } })
  @IsString()
  code: string;

  @ApiProperty({ example: 'Japan', description: 'In English' })
  @Transform(normalizedText)
  @MaxLength(80)
  @IsVisibleName()
  @IsString()
  name: string;

  @ApiPropertyOptional({ example: 'Nhật Bản', description: 'In Vietnamese' })
  @IsOptional()
  @Transform(normalizedText)
  @IsVisibleName()
  @MaxLength(80)
  @IsString()
  nameVi?: string;

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
  @Matches(/^[a-z]{2}$/, {
    each: true,
    message: 'each local language must be a two-letter ISO 639-1 code',
    context: { code: 'validation.language_code' },
  })
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

export class EligibilityParamsDto {
  @ApiPropertyOptional({ minimum: 18, maximum: 80, description: 'max_age: the oldest age when applications close' })
  @IsOptional()
  @Min(18)
  @Max(80)
  @IsInt()
  maxAge?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 30, description: 'enterprise_min_years: years the enterprise has run' })
  @IsOptional()
  @Min(0)
  @Max(30)
  @IsInt()
  years?: number;
}

export class EligibilityRuleDto {
  @ApiProperty({ enum: ELIGIBILITY_RULE_CODES })
  @IsIn(ELIGIBILITY_RULE_CODES, { message: `code must be one of: ${ELIGIBILITY_RULE_CODES.join(', ')}` })
  code: EligibilityRuleCode;

  @ApiProperty({ type: EligibilityParamsDto })
  @ValidateNested()
  @Type(() => EligibilityParamsDto)
  @IsObject()
  params: EligibilityParamsDto;
}

/** The parameter each rule needs, as field errors (the DTO checks types and ranges). */
export function eligibilityRuleErrors(
  rules: EligibilityRuleDto[],
  prefix = 'eligibilityRules',
): Array<{ field: string; message: string; code: string }> {
  const needs: Partial<Record<EligibilityRuleCode, keyof EligibilityParamsDto>> = {
    max_age: 'maxAge',
    enterprise_min_years: 'years',
  };
  return rules.flatMap((rule, i) => {
    const param = needs[rule.code];
    return param && rule.params[param] === undefined
      ? [
          {
            field: `${prefix}.${i}.params.${param}`,
            message: `${rule.code} needs params.${param}`,
            code: 'validation.required',
          },
        ]
      : [];
  });
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

  @ApiPropertyOptional({ type: [EligibilityRuleDto], description: 'Defaults to config/eligibility.json' })
  @IsOptional()
  @ArrayUnique((rule: EligibilityRuleDto) => rule?.code, { message: 'eligibilityRules must have distinct codes' })
  @ArrayMaxSize(ELIGIBILITY_RULE_CODES.length)
  @ValidateNested({ each: true })
  @Type(() => EligibilityRuleDto)
  @IsArray()
  eligibilityRules?: EligibilityRuleDto[];
}

export class UpdateCohortDto extends PartialType(OmitType(CreateCohortDto, ['hubs'] as const)) {}

export class HubsDto {
  @ApiProperty({ type: [HubDto] })
  @ArrayUnique((hub: HubDto) => hub?.code, { message: 'hubs must have distinct codes' })
  @ArrayMaxSize(10)
  @ArrayMinSize(1)
  @ValidateNested({ each: true })
  @Type(() => HubDto)
  @IsArray()
  hubs: HubDto[];
}

export class EligibilityPreviewDto {
  @ApiProperty({ type: [EligibilityRuleDto] })
  @ArrayUnique((rule: EligibilityRuleDto) => rule?.code, { message: 'rules must have distinct codes' })
  @ArrayMaxSize(ELIGIBILITY_RULE_CODES.length)
  @ValidateNested({ each: true })
  @Type(() => EligibilityRuleDto)
  @IsArray()
  rules: EligibilityRuleDto[];
}

export class CopyCohortDto {
  @ApiProperty({ example: 'VGBF 2028' })
  @Transform(normalizedText)
  @IsVisibleName()
  @MaxLength(80)
  @IsString()
  name: string;
}

export class TransitionDto {
  @ApiProperty({ enum: COHORT_STATUSES })
  @IsIn(COHORT_STATUSES)
  status: CohortStatus;

  @ApiPropertyOptional({ description: 'Why, for the audit log' })
  @IsOptional()
  @MaxLength(1000)
  @IsString()
  reason?: string;

  @ApiPropertyOptional({ description: 'Move although preconditions are unmet; needs a reason, audited' })
  @IsOptional()
  @IsBoolean()
  override?: boolean;
}

export class TransitionBlockerView {
  @ApiProperty({ example: 'window_not_closed' }) code: string;
  @ApiProperty({ example: { closesAt: '2027-03-31T16:59:00.000Z' } }) params: Record<string, unknown>;
}

export class TransitionOptionView {
  @ApiProperty({ enum: COHORT_STATUSES }) to: CohortStatus;
  @ApiProperty({ type: [TransitionBlockerView], description: 'Unmet preconditions; empty when it can happen' })
  blockers: TransitionBlockerView[];
}

export class EligibilityPreviewView {
  @ApiProperty({ description: "The cohort's applications judged (drafts and submitted, not withdrawn)" })
  applications: number;
  @ApiProperty({ description: 'How many of them the rules would pass' }) passing: number;
  @ApiProperty({
    description: 'Per rule code: how many fail it',
    type: 'object',
    additionalProperties: { type: 'integer' },
    example: { max_age: 3 },
  })
  failingByRule: Record<string, number>;
}

export class HubView {
  @ApiProperty() id: string;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String }) nameVi: string | null;
  @ApiProperty() city: string;
  @ApiProperty() capacity: number;
  @ApiProperty() minimumFellows: number;
  @ApiProperty({ example: 'Asia/Tokyo' }) timeZone: string;
  @ApiProperty({ type: [String] }) localLanguages: string[];
  @ApiProperty({ type: [String] }) partnerOrganisations: string[];
  @ApiProperty({ type: [LanguageRequirementDto] }) languageRequirements: LanguageRequirementDto[];
}

export class ApplicationWindowView {
  @ApiProperty({ example: '2027-01-15T08:00' }) opens: string;
  @ApiProperty({ example: '2027-03-31T23:59' }) closes: string;
  @ApiProperty({ example: 'Asia/Ho_Chi_Minh' }) timeZone: string;
}

export class CohortView {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty() year: number;
  @ApiProperty() targetSize: number;
  @ApiProperty() trackMonths: number;
  @ApiProperty({ description: 'UTC' }) applicationOpensAt: string;
  @ApiProperty({ description: 'UTC' }) applicationClosesAt: string;
  @ApiProperty({ type: ApplicationWindowView, description: 'The window in Vietnam time' })
  applicationWindowLocal: ApplicationWindowView;
  @ApiProperty() offerResponseDays: number;
  @ApiProperty() programmeStartDate: string;
  @ApiProperty({ enum: COHORT_STATUSES }) status: CohortStatus;
  @ApiProperty({ type: [EligibilityRuleDto] }) eligibilityRules: EligibilityRule[];
  @ApiProperty({ type: [HubView] }) hubs: HubView[];
}
