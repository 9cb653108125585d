import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsVisibleName } from '@vgbf/core';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import {
  REQUEST_CHANNELS,
  REQUEST_STATES,
  type RequestChannel,
  type RequestState,
} from '../entities/data-request.entity';
import { REQUEST_KINDS, type RequestKind, type Urgency } from '../request-deadlines';
import { REQUEST_ACTIONS, type RequestAction } from '../request-states';

export const MAX_TEXT = 4000;

/** Multi-line text: line breaks kept (as \n), surrounding whitespace trimmed. */
const text = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? value.normalize('NFC').replace(/\r\n?/g, '\n').trim() : value;

const STAFF_CHANNELS = REQUEST_CHANNELS.filter((c) => c !== 'account');

/** A request the person makes on their account page. */
export class MyDataRequestDto {
  @ApiProperty({ enum: REQUEST_KINDS })
  @IsIn(REQUEST_KINDS, { message: `kind must be one of: ${REQUEST_KINDS.join(', ')}` })
  kind: RequestKind;

  @ApiProperty({ maxLength: MAX_TEXT, example: 'Tôi muốn nhận bản sao toàn bộ dữ liệu của tôi.' })
  @Transform(text)
  @MaxLength(MAX_TEXT)
  @IsVisibleName({ message: 'details is required' })
  @IsString()
  details: string;
}

/** A request staff record on someone's behalf, with how the person asked. */
export class StaffDataRequestDto extends MyDataRequestDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'subjectUserId must be a UUID' })
  subjectUserId: string;

  @ApiProperty({ enum: STAFF_CHANNELS })
  @IsIn(STAFF_CHANNELS, { message: `channel must be one of: ${STAFF_CHANNELS.join(', ')}` })
  channel: Exclude<RequestChannel, 'account'>;

  @ApiPropertyOptional({ description: 'A processor (hub partner, mentor abroad…) must act: the longer deadline' })
  @IsOptional()
  @IsBoolean()
  processorMustAct?: boolean;
}

export class ExtendRequestDto {
  @ApiProperty({ minimum: 1, maximum: 15, description: 'Working days (at most 15, once)' })
  @IsInt()
  @Min(1)
  @Max(15)
  days: number;

  @ApiProperty({ maxLength: MAX_TEXT })
  @Transform(text)
  @MaxLength(MAX_TEXT)
  @IsVisibleName({ message: 'reason is required' })
  @IsString()
  reason: string;
}

export class CompleteRequestDto {
  @ApiProperty({ maxLength: MAX_TEXT, description: 'The answer emailed to the person' })
  @Transform(text)
  @MaxLength(MAX_TEXT)
  @IsVisibleName({ message: 'answer is required' })
  @IsString()
  answer: string;
}

export class RefuseRequestDto {
  @ApiProperty({ maxLength: MAX_TEXT, description: 'The reason, emailed to the person' })
  @Transform(text)
  @MaxLength(MAX_TEXT)
  @IsVisibleName({ message: 'reason is required' })
  @IsString()
  reason: string;
}

export class QueueQuery {
  @ApiPropertyOptional({
    enum: [...REQUEST_STATES, 'open'],
    description: 'Default: open (received, acknowledged, in progress)',
  })
  @IsOptional()
  @IsIn([...REQUEST_STATES, 'open'], { message: `state must be one of: open, ${REQUEST_STATES.join(', ')}` })
  state?: RequestState | 'open';

  @ApiPropertyOptional({ enum: REQUEST_KINDS })
  @IsOptional()
  @IsIn(REQUEST_KINDS, { message: `kind must be one of: ${REQUEST_KINDS.join(', ')}` })
  kind?: RequestKind;
}

export class DataRequestPerson {
  @ApiProperty() id: string;
  @ApiProperty() fullName: string;
  @ApiProperty() email: string;
}

export class DataRequestView {
  @ApiProperty() id: string;
  @ApiProperty({ enum: REQUEST_KINDS }) kind: RequestKind;
  @ApiProperty({ enum: REQUEST_CHANNELS }) channel: RequestChannel;
  @ApiProperty() details: string;
  @ApiProperty({ enum: REQUEST_STATES }) state: RequestState;
  @ApiProperty() processorMustAct: boolean;
  @ApiProperty() receivedAt: string;
  @ApiProperty({ description: 'Vietnam day, YYYY-MM-DD' }) receivedOn: string;
  @ApiProperty({ description: 'Acknowledge by (working days)' }) acknowledgeBy: string;
  @ApiProperty({ description: 'Complete by (working days, after any extension)' }) dueOn: string;
  @ApiProperty({ nullable: true, type: String }) acknowledgedAt: string | null;
  @ApiProperty({ nullable: true, type: Number }) extensionDays: number | null;
  @ApiProperty({ nullable: true, type: String }) extensionReason: string | null;
  @ApiProperty({ nullable: true, type: String }) closedAt: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The answer, or the reason of a refusal' }) answer:
    string | null;
  @ApiProperty({
    enum: ['on_track', 'due_soon', 'overdue'],
    nullable: true,
    description: 'Open requests: against the deadline that applies now (acknowledgement while received)',
  })
  urgency: Urgency | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Working days left (negative: overdue)' })
  workingDaysLeft: number | null;
  @ApiProperty({ description: 'An access request that is completed: its ZIP can be downloaded' }) exportReady: boolean;
  @ApiProperty({ enum: REQUEST_ACTIONS, isArray: true, description: 'What staff may do now' })
  actions: RequestAction[];
  @ApiProperty({ type: DataRequestPerson }) person: DataRequestPerson;
}
