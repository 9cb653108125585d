import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsVisibleName, normalizedText } from '@vgbf/core';
import { PURPOSES, type Purpose } from '@vgbf/personal-data';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import {
  CONSENT_ACTIONS,
  CONSENT_CHANNELS,
  type ConsentAction,
  type ConsentChannel,
} from '../entities/consent.entities';

export const MAX_NOTICE_TITLE = 200;
export const MAX_NOTICE_BODY = 20000;
export const MAX_REASON = 1000;

const multiline = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? value.replace(/\r\n?/g, '\n').trim().normalize('NFC') : value;

/** Give or withdraw one consent. */
export class ConsentChangeDto {
  @ApiProperty({ enum: PURPOSES })
  @IsIn(PURPOSES, { message: `purpose must be one of: ${PURPOSES.join(', ')}` })
  purpose: Purpose;

  @ApiProperty({ enum: ['give', 'withdraw'] })
  @IsIn(['give', 'withdraw'], { message: 'action must be one of: give, withdraw' })
  action: 'give' | 'withdraw';
}

/** Staff record a consent given or withdrawn by the person (on paper, by phone…), with how they learnt of it. */
export class OnBehalfConsentChangeDto extends ConsentChangeDto {
  @ApiProperty({ example: 'Signed form received at the Hanoi orientation day, 15/9', maxLength: MAX_REASON })
  @Transform(multiline)
  @MaxLength(MAX_REASON)
  @IsVisibleName({ message: 'reason is required' })
  @IsString()
  reason: string;
}

export class PublishNoticeDto {
  @ApiProperty({ enum: PURPOSES })
  @IsIn(PURPOSES, { message: `purpose must be one of: ${PURPOSES.join(', ')}` })
  purpose: Purpose;

  @ApiProperty({ maxLength: MAX_NOTICE_TITLE })
  @Transform(normalizedText)
  @MaxLength(MAX_NOTICE_TITLE)
  @IsVisibleName({ message: 'titleVi is required' })
  @IsString()
  titleVi: string;

  @ApiProperty({ maxLength: MAX_NOTICE_TITLE })
  @Transform(normalizedText)
  @MaxLength(MAX_NOTICE_TITLE)
  @IsVisibleName({ message: 'titleEn is required' })
  @IsString()
  titleEn: string;

  @ApiProperty({ maxLength: MAX_NOTICE_BODY })
  @Transform(multiline)
  @MaxLength(MAX_NOTICE_BODY)
  @IsVisibleName({ message: 'bodyVi is required' })
  @IsString()
  bodyVi: string;

  @ApiProperty({ maxLength: MAX_NOTICE_BODY })
  @Transform(multiline)
  @MaxLength(MAX_NOTICE_BODY)
  @IsVisibleName({ message: 'bodyEn is required' })
  @IsString()
  bodyEn: string;

  @ApiProperty({
    description: 'A material change: consents under older versions no longer stand until people consent again',
  })
  @IsBoolean({ message: 'material must be true or false' })
  material: boolean;

  @ApiPropertyOptional({ maxLength: MAX_REASON, description: 'What changed, for staff' })
  @IsOptional()
  @Transform(multiline)
  @MaxLength(MAX_REASON)
  @IsString()
  changeNote?: string;
}

export class NoticeView {
  @ApiProperty({ enum: PURPOSES }) purpose: Purpose;
  @ApiProperty() version: number;
  @ApiProperty() titleVi: string;
  @ApiProperty() titleEn: string;
  @ApiProperty() bodyVi: string;
  @ApiProperty() bodyEn: string;
  @ApiProperty() material: boolean;
  @ApiProperty({ type: String, nullable: true }) changeNote: string | null;
  @ApiProperty({ format: 'date-time' }) publishedAt: string;
  @ApiProperty({ type: String, nullable: true }) publisherName: string | null;
  /** 'application' must be given to apply; the others are optional. */
  @ApiProperty() requiredToApply: boolean;
}

export class PurposeNoticesView {
  @ApiProperty({ enum: PURPOSES }) purpose: Purpose;
  @ApiProperty({ type: [NoticeView], description: 'Newest first' }) versions: NoticeView[];
  @ApiProperty({ description: 'People whose consent stands now' }) standing: number;
  @ApiProperty({ description: 'People who consented under a version a material change superseded, not yet again' })
  lapsed: number;
  @ApiProperty({ description: 'People whose latest word was a withdrawal' }) withdrawn: number;
}

export const CONSENT_STATES = ['given', 'withdrawn', 'lapsed', 'none'] as const;
export type ConsentState = (typeof CONSENT_STATES)[number];

export class ConsentView {
  @ApiProperty({ enum: PURPOSES }) purpose: Purpose;
  @ApiProperty({
    enum: CONSENT_STATES,
    description:
      'given: stands; withdrawn; lapsed: given under a notice a material change superseded; none: never asked',
  })
  state: ConsentState;
  @ApiProperty({ description: 'Whether the consent stands now (processing that needs it may happen)' }) stands: boolean;
  @ApiProperty({ type: Number, nullable: true, description: 'The notice version of the latest event' })
  noticeVersion: number | null;
  @ApiProperty({ description: "The purpose's current notice version" }) currentVersion: number;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) at: string | null;
  @ApiProperty({ enum: CONSENT_CHANNELS, nullable: true }) channel: ConsentChannel | null;
  @ApiProperty() requiredToApply: boolean;
}

export class ConsentEventView {
  @ApiProperty() id: string;
  @ApiProperty({ enum: PURPOSES }) purpose: Purpose;
  @ApiProperty({ enum: CONSENT_ACTIONS }) action: ConsentAction;
  @ApiProperty() noticeVersion: number;
  @ApiProperty({ enum: CONSENT_CHANNELS }) channel: ConsentChannel;
  @ApiProperty({ type: String, nullable: true }) userAgent: string | null;
  @ApiProperty({ format: 'uuid' }) recordedBy: string;
  @ApiProperty({ type: String, nullable: true }) recorderName: string | null;
  @ApiProperty({ format: 'date-time' }) recordedAt: string;
}

export class PersonConsentsView {
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty({ type: [ConsentView] }) consents: ConsentView[];
  @ApiProperty({ type: [ConsentEventView], description: 'Every event, newest first: the proof' })
  history: ConsentEventView[];
}
