import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsCalendarDate, IsCountryCode, IsVisibleName, addYears, normalizedText, trimmed } from '@vgbf/core';
import { IsScoreOf } from '@vgbf/cohorts';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsEmail,
  IsIn,
  IsInt,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { SECTORS } from '@vgbf/solvers';
import {
  DraftTextLimit,
  FOUNDING_YEAR_MIN,
  MAX_APPLICANT_AGE,
  MIN_APPLICANT_AGE,
  NotAfterCurrentYear,
  VN_PHONE,
  VN_TAX_CODE,
} from './validators';

export const GENDERS = ['female', 'male', 'other', 'prefer_not_to_say'] as const;
/** The enterprise sectors: the programme's reference list (shared with placement and mentoring). */
export { SECTORS };
export const EMPLOYEE_BANDS = ['1-9', '10-49', '50-199', '200-499', '500+'] as const;
export const REVENUE_BANDS = ['<3bn', '3-50bn', '50-200bn', '200-1000bn', '>1000bn'] as const;
export const ENGLISH_TESTS = ['IELTS', 'TOEFL', 'TOEIC'] as const;
export const JLPT_LEVELS = ['N1', 'N2', 'N3', 'N4', 'N5'] as const;

export const ESSAY_LIMITS = { motivation: 500, marketEntryPlan: 800, ambassador: 400 } as const;

export class PersonalSection {
  @ApiPropertyOptional({ example: 'Nguyễn Văn An' })
  @IsOptional()
  @Transform(normalizedText)
  @MaxLength(120)
  @IsVisibleName()
  @IsString()
  fullName?: string;

  @ApiPropertyOptional({
    example: '1992-05-17',
    description: `A real date, YYYY-MM-DD: the applicant is ${MIN_APPLICANT_AGE} to ${MAX_APPLICANT_AGE} years old today`,
  })
  @IsOptional()
  @IsCalendarDate({
    min: (today) => addYears(today, -MAX_APPLICANT_AGE),
    max: (today) => addYears(today, -MIN_APPLICANT_AGE),
  })
  @IsString()
  dateOfBirth?: string;

  @ApiPropertyOptional({ enum: GENDERS })
  @IsOptional()
  @IsIn(GENDERS)
  gender?: (typeof GENDERS)[number];

  @ApiPropertyOptional({ example: 'Đà Nẵng', description: 'One of the 63 provinces; the region is derived' })
  @IsOptional()
  @Transform(normalizedText)
  @IsString()
  province?: string;

  @ApiPropertyOptional({ example: '+84912345678' })
  @IsOptional()
  @Matches(VN_PHONE, {
    message: 'phone must be a Vietnamese mobile number like +84912345678',
    context: { code: 'validation.vn_phone' },
  })
  @IsString()
  phone?: string;

  @ApiPropertyOptional({ example: 'VN', description: 'ISO 3166-1 alpha-2' })
  @IsOptional()
  @IsCountryCode()
  @IsString()
  citizenship?: string;
}

export class EnterpriseSection {
  @ApiPropertyOptional({ example: 'Công ty TNHH Cà Phê Tây Nguyên' })
  @IsOptional()
  @Transform(normalizedText)
  @MaxLength(200)
  @IsVisibleName()
  @IsString()
  name?: string;

  @ApiPropertyOptional({ example: '0101234567', description: '10 digits, or XXXXXXXXXX-XXX for a branch' })
  @IsOptional()
  @Matches(VN_TAX_CODE, {
    message: 'taxCode must be 10 digits, or 13 written as XXXXXXXXXX-XXX',
    context: { code: 'validation.vn_tax_code' },
  })
  @IsString()
  taxCode?: string;

  @ApiPropertyOptional({ example: 2019, description: `${FOUNDING_YEAR_MIN} to the current year` })
  @IsOptional()
  @NotAfterCurrentYear()
  @Min(FOUNDING_YEAR_MIN, { message: `foundingYear must be ${FOUNDING_YEAR_MIN} or later` })
  @IsInt()
  foundingYear?: number;

  @ApiPropertyOptional({ enum: SECTORS })
  @IsOptional()
  @IsIn(SECTORS)
  sector?: (typeof SECTORS)[number];

  @ApiPropertyOptional({ enum: EMPLOYEE_BANDS })
  @IsOptional()
  @IsIn(EMPLOYEE_BANDS)
  employeesBand?: (typeof EMPLOYEE_BANDS)[number];

  @ApiPropertyOptional({ enum: REVENUE_BANDS, description: 'Annual revenue in VND' })
  @IsOptional()
  @IsIn(REVENUE_BANDS)
  revenueBand?: (typeof REVENUE_BANDS)[number];

  @ApiPropertyOptional({ example: ['JP', 'SG'], description: 'ISO 3166-1 alpha-2 country codes, each once' })
  @IsOptional()
  @ArrayUnique({ message: 'exportMarkets must name each country once' })
  @ArrayMaxSize(30)
  @IsCountryCode({ each: true })
  @IsArray()
  exportMarkets?: string[];
}

export class EnglishScore {
  @ApiPropertyOptional({ enum: ENGLISH_TESTS })
  @IsIn(ENGLISH_TESTS)
  test: (typeof ENGLISH_TESTS)[number];

  @ApiPropertyOptional({
    example: 7.0,
    description: "On the test's own scale: IELTS 0–9 by 0.5, TOEFL iBT 0–120 whole, TOEIC 10–990 by 5",
  })
  @IsScoreOf('test')
  @IsNumber({ allowNaN: false, allowInfinity: false })
  score: number;
}

export class LanguagesSection {
  @ApiPropertyOptional({ type: EnglishScore })
  @IsOptional()
  @ValidateNested()
  @Type(() => EnglishScore)
  @IsObject({ message: 'english must be one test and its score, like {"test":"IELTS","score":7}' })
  english?: EnglishScore;

  @ApiPropertyOptional({ enum: JLPT_LEVELS })
  @IsOptional()
  @IsIn(JLPT_LEVELS)
  jlpt?: (typeof JLPT_LEVELS)[number];

  @ApiPropertyOptional({ minimum: 1, maximum: 6 })
  @IsOptional()
  @Min(1)
  @Max(6)
  @IsInt()
  topik?: number;

  @ApiPropertyOptional({ example: 'French B2' })
  @IsOptional()
  @Transform(normalizedText)
  @MaxLength(200)
  @IsVisibleName()
  @IsString()
  other?: string;
}

export class HubPreferencesSection {
  @ApiPropertyOptional({ example: ['JP', 'SG'], description: 'Hub codes, first choice first (1–4, distinct)' })
  @ArrayUnique({ message: 'hubs must be ranked once each' })
  @ArrayMaxSize(4)
  @ArrayMinSize(1)
  @IsString({ each: true })
  @IsArray()
  ranking: string[];
}

export class EssaysSection {
  @ApiPropertyOptional({ description: `At most ${ESSAY_LIMITS.motivation} words` })
  @IsOptional()
  @DraftTextLimit()
  @IsString()
  motivation?: string;

  @ApiPropertyOptional({
    description: `A market-entry plan for the first-choice hub, at most ${ESSAY_LIMITS.marketEntryPlan} words`,
  })
  @IsOptional()
  @DraftTextLimit()
  @IsString()
  marketEntryPlan?: string;

  @ApiPropertyOptional({
    description: `How you will act as an economic ambassador, at most ${ESSAY_LIMITS.ambassador} words`,
  })
  @IsOptional()
  @DraftTextLimit()
  @IsString()
  ambassador?: string;
}

export class Referee {
  @ApiPropertyOptional()
  @Transform(normalizedText)
  @MaxLength(120)
  @IsVisibleName()
  @IsString()
  name: string;

  @ApiPropertyOptional()
  @Transform(trimmed)
  @MaxLength(254)
  @IsEmail({}, { message: 'email must be a valid email address' })
  email: string;

  @ApiPropertyOptional({ example: 'Former manager' })
  @Transform(normalizedText)
  @MaxLength(120)
  @IsVisibleName()
  @IsString()
  relation: string;
}

export class RefereesSection {
  @ApiPropertyOptional({ type: [Referee], description: 'Two referees' })
  @ArrayMaxSize(2)
  @ValidateNested({ each: true })
  @Type(() => Referee)
  @IsArray()
  referees: Referee[];
}

export const SECTIONS = {
  personal: PersonalSection,
  enterprise: EnterpriseSection,
  languages: LanguagesSection,
  hubs: HubPreferencesSection,
  essays: EssaysSection,
  referees: RefereesSection,
} as const;
export type SectionName = keyof typeof SECTIONS;
