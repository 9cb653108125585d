import { ApiProperty } from '@nestjs/swagger';
import { IsVisibleName, normalizedText } from '@vgbf/core';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsString, Matches, MaxLength } from 'class-validator';

export const MAX_TAGS = 10;
export const TAG_PATTERN = /^[\p{Ll}\p{N}][\p{Ll}\p{M}\p{N}-]{0,31}$/u;

export class AddNoteDto {
  @ApiProperty({ example: 'Called her: the tax certificate comes next week', maxLength: 2000 })
  @Transform(normalizedText)
  @MaxLength(2000)
  @IsVisibleName({ message: 'body is required' })
  @IsString()
  body: string;
}

const toTags = ({ value }: { value: unknown }): unknown =>
  Array.isArray(value)
    ? [
        ...new Set(
          (value as unknown[]).map((t) =>
            typeof t === 'string' ? t.normalize('NFC').trim().toLocaleLowerCase('vi') : t,
          ),
        ),
      ]
    : value;

export class SetTagsDto {
  @ApiProperty({
    type: [String],
    example: ['follow-up', 'strong-essay'],
    maxItems: MAX_TAGS,
    description: 'The whole set (replaces the previous one); lower-case letters, digits and dashes, up to 32 each',
  })
  @Transform(toTags)
  @Matches(TAG_PATTERN, { each: true, message: 'each tag is 1–32 lower-case letters, digits or dashes' })
  @IsString({ each: true })
  @ArrayMaxSize(MAX_TAGS)
  @IsArray()
  tags: string[];
}

export class ApplicantContactView {
  @ApiProperty() fullName: string;
  @ApiProperty() email: string;
  @ApiProperty({ nullable: true, type: String }) phone: string | null;
  @ApiProperty({ enum: ['vi', 'en'] }) language: string;
}

export class ApplicationNoteView {
  @ApiProperty() id: string;
  @ApiProperty() body: string;
  @ApiProperty() authorId: string;
  @ApiProperty() authorName: string;
  @ApiProperty() createdAt: string;
}

export class EligibilityOverrideDto {
  @ApiProperty({ example: 'Turned 41 during a hospital stay; the board agreed to accept', maxLength: 1000 })
  @Transform(normalizedText)
  @MaxLength(1000)
  @IsVisibleName({ message: 'reason is required' })
  @IsString()
  reason: string;
}

export class EligibilityOverrideView {
  @ApiProperty() reason: string;
  @ApiProperty() byName: string;
  @ApiProperty() at: string;
}

/** What staff alone see on an application: contact details, internal notes and tags. */
export class StaffPanelView {
  @ApiProperty({ type: ApplicantContactView }) contact: ApplicantContactView;
  @ApiProperty({ type: [ApplicationNoteView], description: 'Newest first' }) notes: ApplicationNoteView[];
  @ApiProperty({ type: [String] }) tags: string[];
  @ApiProperty({ type: EligibilityOverrideView, nullable: true, description: 'Staff overrode the eligibility rules' })
  eligibilityOverride: EligibilityOverrideView | null;
}

export class TagsView {
  @ApiProperty({ type: [String] }) tags: string[];
}
