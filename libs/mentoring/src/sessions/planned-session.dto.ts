import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { trimmed } from '@vgbf/core';
import { Transform } from 'class-transformer';
import {
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { SESSION_MODES, type SessionMode } from '../entities/mentoring-session.entity';
import { PLANNED_SESSION_STATUSES, type PlannedSessionStatus } from '../entities/planned-session.entity';
import { SESSION_MINUTES } from './session.dto';
import { SESSION_TOPICS, type SessionTopic } from './session-topics';

export const AGENDA_MAX = 2000;
/** How far ahead a session may be scheduled. */
export const PLAN_DAYS_AHEAD = 366;

/** An instant with its offset: "14:00" alone would mean a different hour in Tokyo and in Hà Nội. */
const WITH_OFFSET = /(Z|[+-]\d{2}:\d{2})$/;
const STARTS_AT_MESSAGE = 'startsAt must be an ISO 8601 date and time with its offset, e.g. 2027-10-02T14:00:00+07:00';

/** Either side of a pair schedules an upcoming session. */
export class PlanSessionDto {
  @ApiProperty({
    example: '2027-10-02T14:00:00+07:00',
    description: 'When it starts, with its UTC offset (the web sends Vietnam time, +07:00); in the future',
  })
  @Matches(WITH_OFFSET, { message: STARTS_AT_MESSAGE, context: { code: 'validation.date_time_with_offset' } })
  @IsISO8601({ strict: true }, { message: STARTS_AT_MESSAGE, context: { code: 'validation.date_time_with_offset' } })
  @IsString()
  startsAt: string;

  @ApiProperty({ minimum: SESSION_MINUTES.min, maximum: SESSION_MINUTES.max, example: 60 })
  @Min(SESSION_MINUTES.min)
  @Max(SESSION_MINUTES.max)
  @IsInt()
  durationMinutes: number;

  @ApiProperty({ enum: SESSION_MODES, description: 'in_person, online (video) or phone' })
  @IsIn(SESSION_MODES, { message: `mode must be one of: ${SESSION_MODES.join(', ')}` })
  mode: SessionMode;

  @ApiPropertyOptional({ enum: SESSION_TOPICS, isArray: true, description: 'Prefills the log afterwards' })
  @IsOptional()
  @ArrayUnique({ message: 'each topic may be listed once' })
  @IsIn(SESSION_TOPICS, { each: true, message: `each topic must be one of: ${SESSION_TOPICS.join(', ')}` })
  @IsArray()
  topics?: SessionTopic[];

  @ApiPropertyOptional({ maxLength: AGENDA_MAX, example: 'Distributor shortlist; the visa for the second trip' })
  @IsOptional()
  @Transform(trimmed)
  @MaxLength(AGENDA_MAX)
  @IsString()
  agenda?: string;
}

/** Reschedule or change an upcoming session: any of its fields. */
export class UpdatePlannedSessionDto {
  @ApiPropertyOptional({ example: '2027-10-03T09:30:00+07:00' })
  @IsOptional()
  @Matches(WITH_OFFSET, { message: STARTS_AT_MESSAGE, context: { code: 'validation.date_time_with_offset' } })
  @IsISO8601({ strict: true }, { message: STARTS_AT_MESSAGE, context: { code: 'validation.date_time_with_offset' } })
  @IsString()
  startsAt?: string;

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
  @IsArray()
  topics?: SessionTopic[];

  @ApiPropertyOptional({ maxLength: AGENDA_MAX })
  @IsOptional()
  @Transform(trimmed)
  @MaxLength(AGENDA_MAX)
  @IsString()
  agenda?: string;
}

export class PlannedSessionView {
  @ApiProperty() id: string;
  @ApiProperty() pairingId: string;
  @ApiProperty() startsAt: string;
  @ApiProperty() durationMinutes: number;
  @ApiProperty({ enum: SESSION_MODES }) mode: SessionMode;
  @ApiProperty({ enum: SESSION_TOPICS, isArray: true }) topics: string[];
  @ApiProperty() agenda: string;
  @ApiProperty({ enum: PLANNED_SESSION_STATUSES }) status: PlannedSessionStatus;
  @ApiProperty({ description: 'Who scheduled it (the mentor or the fellow)' }) scheduledBy: string;
  @ApiProperty({ enum: ['mentor', 'fellow'] }) scheduledBySide: 'mentor' | 'fellow';
  @ApiProperty({ nullable: true, type: String, description: 'The logged session it became' })
  sessionId: string | null;
  @ApiProperty({ nullable: true, type: String }) cancelledAt: string | null;
  @ApiProperty() updatedAt: string;
}
