import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsCalendarDate, IsVisibleName, addYears, trimmed } from '@vgbf/core';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { SESSION_MODES, type SessionMode } from '../entities/mentoring-session.entity';
import { SESSION_TOPICS, type SessionTopic } from './session-topics';

export const SESSION_MINUTES = { min: 15, max: 480 } as const;
export const NOTES_MAX = 5000;
export const ACTION_ITEMS_MAX = 20;

/** An action item is due within this many years of today, either way: 9999-12-31 is a slip, not a plan. */
export const ACTION_ITEM_YEARS = { back: 1, ahead: 3 } as const;

export class ActionItemDto {
  @ApiProperty({ example: 'Send the distributor list to Kenji' })
  @Transform(trimmed)
  @MaxLength(500)
  @IsVisibleName({ message: 'text is required' })
  @IsString()
  text: string;

  @ApiPropertyOptional({
    example: '2027-10-15',
    nullable: true,
    type: String,
    description: `A real date from ${ACTION_ITEM_YEARS.back} year before today to ${ACTION_ITEM_YEARS.ahead} years after`,
  })
  @IsOptional()
  @IsCalendarDate({
    min: (today) => addYears(today, -ACTION_ITEM_YEARS.back),
    max: (today) => addYears(today, ACTION_ITEM_YEARS.ahead),
  })
  @IsString()
  dueOn?: string | null;
}

/** What a mentor logs after meeting their fellow. */
export class LogSessionDto {
  @ApiProperty({ example: '2027-10-02T14:00:00+07:00', description: 'When it took place (not in the future)' })
  @IsISO8601({ strict: true }, { message: 'heldAt must be an ISO 8601 date and time' })
  @IsString()
  heldAt: string;

  @ApiProperty({ minimum: SESSION_MINUTES.min, maximum: SESSION_MINUTES.max, example: 60 })
  @Min(SESSION_MINUTES.min)
  @Max(SESSION_MINUTES.max)
  @IsInt()
  durationMinutes: number;

  @ApiProperty({ enum: SESSION_MODES })
  @IsIn(SESSION_MODES, { message: `mode must be one of: ${SESSION_MODES.join(', ')}` })
  mode: SessionMode;

  @ApiProperty({ enum: SESSION_TOPICS, isArray: true })
  @ArrayUnique({ message: 'each topic may be listed once' })
  @IsIn(SESSION_TOPICS, { each: true, message: `each topic must be one of: ${SESSION_TOPICS.join(', ')}` })
  @ArrayMinSize(1, { message: 'name at least one topic' })
  @IsArray()
  topics: SessionTopic[];

  @ApiPropertyOptional({ description: 'Required with the topic "other"', example: 'Visa for a second trip' })
  @IsOptional()
  @Transform(trimmed)
  @MaxLength(200)
  @IsString()
  otherTopic?: string;

  @ApiPropertyOptional({ maxLength: NOTES_MAX })
  @IsOptional()
  @MaxLength(NOTES_MAX)
  @IsString()
  notes?: string;

  @ApiPropertyOptional({ type: [ActionItemDto], maxItems: ACTION_ITEMS_MAX })
  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => ActionItemDto)
  @ArrayMaxSize(ACTION_ITEMS_MAX)
  @IsArray()
  actionItems?: ActionItemDto[];

  @ApiPropertyOptional({ format: 'uuid', description: 'The planned session this log records (it is then closed)' })
  @IsOptional()
  @IsUUID()
  plannedSessionId?: string;
}

/** The mentor corrects a session before the fellow confirms it: any field of the log. */
export class UpdateSessionDto {
  @ApiPropertyOptional({ example: '2027-10-02T14:00:00+07:00' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'heldAt must be an ISO 8601 date and time' })
  @IsString()
  heldAt?: string;

  @ApiPropertyOptional({ minimum: SESSION_MINUTES.min, maximum: SESSION_MINUTES.max })
  @IsOptional()
  @Min(SESSION_MINUTES.min)
  @Max(SESSION_MINUTES.max)
  @IsInt()
  durationMinutes?: number;

  @ApiPropertyOptional({ enum: SESSION_MODES })
  @IsOptional()
  @IsIn(SESSION_MODES, { message: `mode must be one of: ${SESSION_MODES.join(', ')}` })
  mode?: SessionMode;

  @ApiPropertyOptional({ enum: SESSION_TOPICS, isArray: true })
  @IsOptional()
  @ArrayUnique({ message: 'each topic may be listed once' })
  @IsIn(SESSION_TOPICS, { each: true, message: `each topic must be one of: ${SESSION_TOPICS.join(', ')}` })
  @ArrayMinSize(1, { message: 'name at least one topic' })
  @IsArray()
  topics?: SessionTopic[];

  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  @Transform(trimmed)
  @MaxLength(200)
  @IsString()
  otherTopic?: string | null;

  @ApiPropertyOptional({ maxLength: NOTES_MAX })
  @IsOptional()
  @MaxLength(NOTES_MAX)
  @IsString()
  notes?: string;

  @ApiPropertyOptional({ type: [ActionItemDto], maxItems: ACTION_ITEMS_MAX })
  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => ActionItemDto)
  @ArrayMaxSize(ACTION_ITEMS_MAX)
  @IsArray()
  actionItems?: ActionItemDto[];
}

/** The fellow confirms the session took place, and may rate it. */
export class ConfirmSessionDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 5 })
  @IsOptional()
  @Min(1)
  @Max(5)
  @IsInt()
  rating?: number;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @Transform(trimmed)
  @MaxLength(2000)
  @IsString()
  comment?: string;
}

export class ActionItemView {
  @ApiProperty() text: string;
  @ApiProperty({ nullable: true, type: String, example: '2027-10-15' }) dueOn: string | null;
}

export class SessionView {
  @ApiProperty() id: string;
  @ApiProperty() pairingId: string;
  @ApiProperty() heldAt: string;
  @ApiProperty() durationMinutes: number;
  @ApiProperty({ enum: SESSION_MODES }) mode: SessionMode;
  @ApiProperty({ enum: SESSION_TOPICS, isArray: true }) topics: string[];
  @ApiProperty({ nullable: true, type: String }) otherTopic: string | null;
  @ApiProperty() notes: string;
  @ApiProperty({ type: [ActionItemView] }) actionItems: ActionItemView[];
  @ApiProperty() loggedBy: string;
  @ApiProperty({ description: 'Whether the fellow has confirmed it took place' }) confirmed: boolean;
  @ApiProperty({ nullable: true, type: String }) confirmedAt: string | null;
  @ApiProperty({ nullable: true, type: Number, minimum: 1, maximum: 5 }) rating: number | null;
  @ApiProperty({ nullable: true, type: String }) ratingComment: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}
