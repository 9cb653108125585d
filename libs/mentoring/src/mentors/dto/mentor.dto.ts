import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { SECTORS } from '@vgbf/solvers';
import { IsVisibleName, normalizedText, trimmed } from '@vgbf/core';
import { EXPERTISE_AREAS } from '@vgbf/fellows';
import { LANGUAGES, type Language } from '@vgbf/identity';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsTimeZone,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { OnOrAfter } from './on-or-after';

/** A calendar day; IsISO8601 (strict) then refuses 2027-02-30. */
const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** Left out is fine; null is not (IsOptional would let null through to a NOT NULL column). */
const Given = (): PropertyDecorator => ValidateIf((_object: unknown, value: unknown) => value !== undefined);

/** ISO 639-1: two lower-case letters. */
const LANGUAGE_CODE = /^[a-z]{2}$/;

export const MIN_CAPACITY = 1;
export const MAX_CAPACITY = 10;
export const DEFAULT_CAPACITY = 2;

/**
 * A mentor's profile as staff, the mentor and the CSV import write it. One class, so a CSV row is
 * refused for exactly the reasons a POST /mentors body would be.
 */
export class MentorProfileDto {
  @ApiPropertyOptional({ nullable: true, type: String, example: 'Mekong Capital' })
  @IsOptional()
  @Transform(normalizedText)
  @MaxLength(200)
  @IsString()
  organisation?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, example: 'Partner' })
  @IsOptional()
  @Transform(normalizedText)
  @MaxLength(200)
  @IsString()
  title?: string | null;

  @ApiPropertyOptional({ enum: SECTORS, isArray: true, default: [] })
  @Given()
  @ArrayUnique({ message: 'each sector may be listed once' })
  @ArrayMaxSize(SECTORS.length)
  @IsIn(SECTORS, { each: true, message: `each sector must be one of: ${SECTORS.join(', ')}` })
  @IsArray()
  sectors?: string[];

  @ApiPropertyOptional({ enum: EXPERTISE_AREAS, isArray: true, default: [] })
  @Given()
  @ArrayUnique({ message: 'each expertise area may be listed once' })
  @ArrayMaxSize(EXPERTISE_AREAS.length)
  @IsIn(EXPERTISE_AREAS, { each: true, message: `each expertise area must be one of: ${EXPERTISE_AREAS.join(', ')}` })
  @IsArray()
  expertise?: string[];

  @ApiProperty({ type: [String], example: ['vi', 'en'], description: 'ISO 639-1 codes, at least one' })
  @ArrayUnique({ message: 'each language may be listed once' })
  @ArrayMaxSize(10)
  @ArrayMinSize(1, { message: 'languages must list at least one language' })
  @Matches(LANGUAGE_CODE, {
    each: true,
    message: 'each language must be a two-letter ISO 639-1 code, e.g. vi',
    context: { code: 'validation.language_code' },
  })
  @IsArray()
  languages: string[];

  @ApiPropertyOptional({ nullable: true, type: String, description: 'A hub city; null for anywhere (remote)' })
  @IsOptional()
  @Transform(normalizedText)
  @MaxLength(100)
  @IsString()
  city?: string | null;

  @ApiProperty({ example: 'Asia/Tokyo', description: 'IANA time zone' })
  @Transform(trimmed)
  @IsTimeZone({ message: 'timeZone must be an IANA time zone, e.g. Asia/Tokyo' })
  @IsString()
  timeZone: string;

  @ApiPropertyOptional({ minimum: MIN_CAPACITY, maximum: MAX_CAPACITY, default: DEFAULT_CAPACITY })
  @Given()
  @Max(MAX_CAPACITY)
  @Min(MIN_CAPACITY)
  @IsInt({ message: 'capacity must be a whole number' })
  capacity?: number;

  @ApiPropertyOptional({ nullable: true, type: String, example: '2027-09-01' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'availableFrom must be a real calendar day' })
  @Matches(DAY, {
    message: 'availableFrom must be a date like 2027-09-01',
    context: { code: 'validation.calendar_date' },
  })
  @IsString()
  availableFrom?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, example: '2028-08-31' })
  @IsOptional()
  @OnOrAfter('availableFrom')
  @IsISO8601({ strict: true }, { message: 'availableTo must be a real calendar day' })
  @Matches(DAY, {
    message: 'availableTo must be a date like 2028-08-31',
    context: { code: 'validation.calendar_date' },
  })
  @IsString()
  availableTo?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  @MaxLength(2000)
  @IsString()
  bio?: string | null;
}

/** Staff create (invite) one mentor: the account and the profile together. */
export class CreateMentorDto extends MentorProfileDto {
  @ApiProperty({ example: 'chau.pham@example.vn' })
  @Transform(trimmed)
  @MaxLength(254)
  @IsEmail({}, { message: 'email must be a valid email address' })
  email: string;

  @ApiProperty({ example: 'Phạm Minh Châu' })
  @Transform(normalizedText)
  @IsVisibleName({ message: 'fullName must contain letters, not only invisible characters' })
  @MaxLength(120)
  @IsString()
  fullName: string;

  @ApiProperty({ enum: LANGUAGES, description: 'The language of the invitation email' })
  @IsIn(LANGUAGES, { message: `language must be one of: ${LANGUAGES.join(', ')}` })
  language: Language;
}

/** A mentor edits their own profile (whether they take part stays staff's call). */
export class UpdateOwnMentorDto extends PartialType(MentorProfileDto) {}

/** Staff edit a profile, and may set a mentor inactive (no new pairings). */
export class UpdateMentorDto extends PartialType(MentorProfileDto) {
  @ApiPropertyOptional({ description: 'Inactive mentors are left out of matching' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class MentorListQuery {
  @ApiPropertyOptional({ description: 'Name, email or organisation; diacritics ignored' })
  @IsOptional()
  @Transform(normalizedText)
  @MaxLength(100)
  @IsString()
  q?: string;

  @ApiPropertyOptional({ enum: SECTORS })
  @IsOptional()
  @IsIn(SECTORS)
  sector?: string;

  @ApiPropertyOptional({ enum: EXPERTISE_AREAS })
  @IsOptional()
  @IsIn(EXPERTISE_AREAS)
  expertise?: string;

  @ApiPropertyOptional({ example: 'ja' })
  @IsOptional()
  @Matches(LANGUAGE_CODE, {
    message: 'language must be a two-letter ISO 639-1 code, e.g. vi',
    context: { code: 'validation.language_code' },
  })
  language?: string;

  @ApiPropertyOptional({ description: 'A city (case ignored)' })
  @IsOptional()
  @Transform(normalizedText)
  @MaxLength(100)
  @IsString()
  city?: string;

  @ApiPropertyOptional({ type: Boolean })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'active must be true or false' })
  active?: boolean;
}

export class MentorView {
  @ApiProperty() userId: string;
  @ApiProperty() email: string;
  @ApiProperty() fullName: string;
  @ApiProperty({ enum: LANGUAGES }) language: Language;
  @ApiProperty({ description: 'The invitation has not been accepted yet' }) invitationPending: boolean;
  @ApiProperty({ nullable: true, type: String }) organisation: string | null;
  @ApiProperty({ nullable: true, type: String }) title: string | null;
  @ApiProperty({ enum: SECTORS, isArray: true }) sectors: string[];
  @ApiProperty({ enum: EXPERTISE_AREAS, isArray: true }) expertise: string[];
  @ApiProperty({ type: [String] }) languages: string[];
  @ApiProperty({ nullable: true, type: String }) city: string | null;
  @ApiProperty() timeZone: string;
  @ApiProperty() capacity: number;
  @ApiProperty({ nullable: true, type: String }) availableFrom: string | null;
  @ApiProperty({ nullable: true, type: String }) availableTo: string | null;
  @ApiProperty({ nullable: true, type: String }) bio: string | null;
  @ApiProperty() active: boolean;
  @ApiProperty({ description: 'Pairings with status active' }) activePairings: number;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

/** A CSV row's reason for refusal: the column and what is wrong with it. */
export class ImportFieldError {
  @ApiProperty({ example: 'time_zone' }) field: string;
  @ApiProperty() message: string;
}

export class ImportRejectedRow {
  @ApiProperty({ description: "The row's line in the file (the header is line 1)" }) line: number;
  @ApiProperty({ nullable: true, type: String }) email: string | null;
  @ApiProperty({ type: [ImportFieldError] }) errors: ImportFieldError[];
}

export class MentorImportReport {
  @ApiProperty({ description: 'Good rows written (created + updated + unchanged)' }) imported: number;
  @ApiProperty({ description: 'New mentor profiles (new emails are invited)' }) created: number;
  @ApiProperty({ description: 'Existing profiles that changed' }) updated: number;
  @ApiProperty({ description: 'Good rows identical to the stored profile' }) unchanged: number;
  @ApiProperty({ type: [ImportRejectedRow] }) rejected: ImportRejectedRow[];
}

export class DeclareMentorConflictDto {
  @ApiProperty({ format: 'uuid' })
  @IsNotEmpty()
  @Matches(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, {
    message: 'fellowId must be a UUID',
    context: { code: 'validation.is_uuid' },
  })
  @IsString()
  fellowId: string;

  @ApiProperty({ example: 'Her company is a client of my firm' })
  @Transform(normalizedText)
  @IsNotEmpty({ message: 'reason must not be empty' })
  @MaxLength(500)
  @IsString()
  reason: string;
}

export class MentorConflictView {
  @ApiProperty() id: string;
  @ApiProperty() mentorId: string;
  @ApiProperty() mentorName: string;
  @ApiProperty() fellowId: string;
  @ApiProperty() fellowName: string;
  @ApiProperty() cohortId: string;
  @ApiProperty() reason: string;
  @ApiProperty() declaredBy: string;
  @ApiProperty({ description: 'Whether the mentor declared it (else staff did)' }) declaredByMentor: boolean;
  @ApiProperty() createdAt: string;
}

export class FellowsDirectoryQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'One cohort; without it, the active fellows of every cohort' })
  @IsOptional()
  @Matches(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, {
    message: 'cohortId must be a UUID',
    context: { code: 'validation.is_uuid' },
  })
  cohortId?: string;

  @ApiPropertyOptional({ description: 'Name or enterprise, diacritics ignored' })
  @IsOptional()
  @Transform(normalizedText)
  @MaxLength(100)
  @IsString()
  q?: string;
}

/** What a mentor may see of a fellow to declare a conflict: no contact data, nothing scored. */
export class FellowsDirectoryEntry {
  @ApiProperty() fellowId: string;
  @ApiProperty() fullName: string;
  @ApiProperty({ nullable: true, type: String }) enterpriseName: string | null;
  @ApiProperty({ nullable: true, type: String }) sector: string | null;
  @ApiProperty() cohortId: string;
  @ApiProperty() cohortName: string;
}

/**
 * Fields that may be left out but never set to null. IsOptional (and so PartialType) lets null
 * through, so the services refuse it with the same field error shape.
 */
export const NOT_NULL_FIELDS = ['sectors', 'expertise', 'languages', 'timeZone', 'capacity', 'active'] as const;
