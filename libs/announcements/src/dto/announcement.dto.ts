import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { InputValidationError, IsVisibleName, normalizedText } from '@vgbf/core';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { ANNOUNCEMENT_TEMPLATES, type AnnouncementTemplate } from '../announcement-templates';
import {
  ANNOUNCEMENT_PURPOSES,
  AUDIENCES,
  type AnnouncementPurpose,
  type Audience,
} from '../entities/announcement.entity';

export const MAX_SUBJECT = 200;
export const MAX_BODY = 5000;

/** Multi-line text: line breaks kept (as \n), surrounding whitespace trimmed. */
const messageBody = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? value.replace(/\r\n?/g, '\n').trim() : value;

export class TemplatesQuery {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'cohortId must be a UUID' })
  cohortId: string;
}

export class AnnouncementListQuery {
  @ApiProperty({ format: 'uuid', required: false })
  @IsUUID('all', { message: 'cohortId must be a UUID' })
  cohortId?: string;
}

export class AnnouncementDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'cohortId must be a UUID' })
  cohortId: string;

  @ApiProperty({ enum: AUDIENCES })
  @IsIn(AUDIENCES, { message: `audience must be one of: ${AUDIENCES.join(', ')}` })
  audience: Audience;

  @ApiPropertyOptional({
    enum: ANNOUNCEMENT_PURPOSES,
    nullable: true,
    description:
      "Absent: a programme notice every member of the audience gets (mandatory). 'communications' (programme news) or 'marketing': only people whose consent to that purpose stands get it",
  })
  @IsOptional()
  @IsIn(ANNOUNCEMENT_PURPOSES, { message: `purpose must be one of: ${ANNOUNCEMENT_PURPOSES.join(', ')}` })
  purpose?: AnnouncementPurpose | null;

  @ApiProperty({ enum: ANNOUNCEMENT_TEMPLATES })
  @IsIn(ANNOUNCEMENT_TEMPLATES, { message: `template must be one of: ${ANNOUNCEMENT_TEMPLATES.join(', ')}` })
  template: AnnouncementTemplate;

  @ApiProperty({ example: 'VGBF 2027: ngày định hướng', maxLength: MAX_SUBJECT })
  @Transform(normalizedText)
  @MaxLength(MAX_SUBJECT)
  @IsVisibleName({ message: 'subjectVi is required' })
  @IsString()
  subjectVi: string;

  @ApiProperty({ example: 'Ngày định hướng diễn ra ngày 15/9 tại Hà Nội.', maxLength: MAX_BODY })
  @Transform(messageBody)
  @MaxLength(MAX_BODY)
  @IsVisibleName({ message: 'bodyVi is required' })
  @IsString()
  bodyVi: string;

  @ApiProperty({ example: 'VGBF 2027: orientation day', maxLength: MAX_SUBJECT })
  @Transform(normalizedText)
  @MaxLength(MAX_SUBJECT)
  @IsVisibleName({ message: 'subjectEn is required' })
  @IsString()
  subjectEn: string;

  @ApiProperty({ example: 'The orientation day is on 15 September in Hanoi.', maxLength: MAX_BODY })
  @Transform(messageBody)
  @MaxLength(MAX_BODY)
  @IsVisibleName({ message: 'bodyEn is required' })
  @IsString()
  bodyEn: string;
}

/** Idempotency-Key: optional; when given, 8–128 visible ASCII characters (a UUID is typical). */
export function parseIdempotencyKey(value: string | undefined): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (!/^[\x21-\x7e]{8,128}$/.test(value)) {
    throw new InputValidationError([
      { field: 'Idempotency-Key', message: 'Idempotency-Key must be 8–128 visible ASCII characters' },
    ]);
  }
  return value;
}

export class AnnouncementText {
  @ApiProperty() subject: string;
  @ApiProperty() body: string;
}

export class AnnouncementTemplateView {
  @ApiProperty({ enum: ANNOUNCEMENT_TEMPLATES }) code: AnnouncementTemplate;
  @ApiProperty({ type: AnnouncementText }) vi: AnnouncementText;
  @ApiProperty({ type: AnnouncementText }) en: AnnouncementText;
}

export class AnnouncementPreviewLanguage {
  @ApiProperty({ enum: ['vi', 'en'] }) language: 'vi' | 'en';
  @ApiProperty({ description: 'Recipients who read it in this language' }) recipientCount: number;
  @ApiProperty({ description: 'The recipient whose email is shown (a placeholder name when there is none)' })
  sampleName: string;
  @ApiProperty() subject: string;
  @ApiProperty() text: string;
  @ApiProperty({ description: 'The HTML of the email, as the recipient gets it' }) html: string;
}

export class AnnouncementPreviewView {
  @ApiProperty() recipientCount: number;
  @ApiProperty({ type: [AnnouncementPreviewLanguage] }) languages: AnnouncementPreviewLanguage[];
}

export class AnnouncementView {
  @ApiProperty() id: string;
  @ApiProperty() cohortId: string;
  @ApiProperty() cohortName: string;
  @ApiProperty({ enum: AUDIENCES }) audience: string;
  @ApiProperty({ enum: ANNOUNCEMENT_TEMPLATES }) template: string;
  @ApiProperty({ type: AnnouncementText }) vi: AnnouncementText;
  @ApiProperty({ type: AnnouncementText }) en: AnnouncementText;
  @ApiProperty() recipientCount: number;
  @ApiProperty() senderName: string;
  @ApiProperty() createdAt: string;
}

/** An announcement as its recipient sees it, in both languages (the page shows the one it is in). */
export class MyAnnouncementView {
  @ApiProperty() id: string;
  @ApiProperty() cohortName: string;
  @ApiProperty({ enum: AUDIENCES }) audience: string;
  @ApiProperty({ type: AnnouncementText }) vi: AnnouncementText;
  @ApiProperty({ type: AnnouncementText }) en: AnnouncementText;
  @ApiProperty() createdAt: string;
}
