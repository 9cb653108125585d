import { ApiPropertyOptional } from '@nestjs/swagger';
import { normalizedText } from '@vgbf/core';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsEmail,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { SECTORS } from '@vgbf/solvers';
import { MaxWords, VN_PHONE, VN_TAX_CODE } from './validators';

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
  @IsNotEmpty()
  @MaxLength(120)
  @IsString()
  fullName?: string;

  @ApiPropertyOptional({ example: '1992-05-17' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'dateOfBirth must be a date like 1992-05-17' })
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
  @Matches(VN_PHONE, { message: 'phone must be a Vietnamese mobile number like +84912345678' })
  @IsString()
  phone?: string;

  @ApiPropertyOptional({ example: 'VN', description: 'ISO 3166-1 alpha-2' })
  @IsOptional()
  @Matches(/^[A-Z]{2}$/, { message: 'citizenship must be a two-letter country code like VN' })
  @IsString()
  citizenship?: string;
}

export class EnterpriseSection {
  @ApiPropertyOptional({ example: 'Công ty TNHH Cà Phê Tây Nguyên' })
  @IsOptional()
  @Transform(normalizedText)
  @IsNotEmpty()
  @MaxLength(200)
  @IsString()
  name?: string;

  @ApiPropertyOptional({ example: '0101234567', description: '10 digits, or XXXXXXXXXX-XXX for a branch' })
  @IsOptional()
  @Matches(VN_TAX_CODE, { message: 'taxCode must be 10 digits, or 13 written as XXXXXXXXXX-XXX' })
  @IsString()
  taxCode?: string;

  @ApiPropertyOptional({ example: 2019 })
  @IsOptional()
  @Min(1950)
  @Max(2100)
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

  @ApiPropertyOptional({ example: ['JP', 'SG'], description: 'ISO country codes' })
  @IsOptional()
  @ArrayMaxSize(30)
  @Matches(/^[A-Z]{2}$/, { each: true, message: 'each export market must be a two-letter country code' })
  @IsArray()
  exportMarkets?: string[];
}

export class EnglishScore {
  @ApiPropertyOptional({ enum: ENGLISH_TESTS })
  @IsIn(ENGLISH_TESTS)
  test: (typeof ENGLISH_TESTS)[number];

  @ApiPropertyOptional({ example: 7.0, description: 'IELTS 0–9, TOEFL 0–120, TOEIC 10–990' })
  @Min(0)
  @Max(990)
  @Type(() => Number)
  score: number;
}

export class LanguagesSection {
  @ApiPropertyOptional({ type: EnglishScore })
  @IsOptional()
  @ValidateNested()
  @Type(() => EnglishScore)
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
  @MaxLength(200)
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
  @MaxWords(ESSAY_LIMITS.motivation)
  @MaxLength(10_000)
  @IsString()
  motivation?: string;

  @ApiPropertyOptional({
    description: `A market-entry plan for the first-choice hub, at most ${ESSAY_LIMITS.marketEntryPlan} words`,
  })
  @IsOptional()
  @MaxWords(ESSAY_LIMITS.marketEntryPlan)
  @MaxLength(16_000)
  @IsString()
  marketEntryPlan?: string;

  @ApiPropertyOptional({
    description: `How you will act as an economic ambassador, at most ${ESSAY_LIMITS.ambassador} words`,
  })
  @IsOptional()
  @MaxWords(ESSAY_LIMITS.ambassador)
  @MaxLength(8_000)
  @IsString()
  ambassador?: string;
}

export class Referee {
  @ApiPropertyOptional()
  @Transform(normalizedText)
  @IsNotEmpty()
  @MaxLength(120)
  @IsString()
  name: string;

  @ApiPropertyOptional()
  @MaxLength(254)
  @IsEmail({}, { message: 'email must be a valid email address' })
  email: string;

  @ApiPropertyOptional({ example: 'Former manager' })
  @IsNotEmpty()
  @MaxLength(120)
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
