import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { queryInteger } from '@vgbf/core';
import { Transform } from 'class-transformer';
import { IsISO8601, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { MILESTONE_AUDIENCES, MILESTONE_STEPS, type MilestoneAudience, type MilestoneStep } from './milestone-chain';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export class UpcomingRemindersQuery {
  @ApiPropertyOptional({
    minimum: 1,
    maximum: 60,
    default: 7,
    description: 'Days from today (Vietnam), today included',
  })
  @IsOptional()
  @Transform(queryInteger)
  @IsInt({ message: 'days must be a whole number' })
  @Min(1)
  @Max(60)
  days: number = 7;
}

export class SentRemindersQuery {
  @ApiPropertyOptional({ example: '2027-10-01', description: 'First day (Vietnam); default 30 days before `to`' })
  @IsOptional()
  // Strict ISO 8601 refuses a day that does not exist (2027-02-30), which PostgreSQL would fail on.
  @IsISO8601({ strict: true }, { message: 'from must be a real calendar day like 2027-10-01' })
  @Matches(DAY, { message: 'from must be a date like 2027-10-01', context: { code: 'validation.calendar_date' } })
  @IsString()
  from?: string;

  @ApiPropertyOptional({ example: '2027-10-31', description: 'Last day (Vietnam), included; default today' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'to must be a real calendar day like 2027-10-31' })
  @Matches(DAY, { message: 'to must be a date like 2027-10-31', context: { code: 'validation.calendar_date' } })
  @IsString()
  to?: string;
}

export class LocalizedTitle {
  @ApiProperty() vi: string;
  @ApiProperty() en: string;
}

export class ReminderMilestoneView {
  @ApiProperty() id: string;
  @ApiProperty() code: string;
  @ApiProperty({ type: LocalizedTitle }) title: LocalizedTitle;
  @ApiProperty({ example: '2027-10-15' }) dueOn: string;
}

export class ReminderFellowView {
  @ApiProperty() id: string;
  @ApiProperty() fullName: string;
}

export class UpcomingRecipientView {
  @ApiProperty() userId: string;
  @ApiProperty() fullName: string;
  @ApiProperty({ enum: MILESTONE_AUDIENCES }) audience: MilestoneAudience;
  @ApiProperty({ enum: ['sent', 'digest', 'skipped'], description: 'skipped: optional, and they unsubscribed' })
  delivery: 'sent' | 'digest' | 'skipped';
}

export class UpcomingReminderView {
  @ApiProperty({ example: '2027-10-08', description: 'The day the daily job would send it' }) day: string;
  @ApiProperty({ enum: MILESTONE_STEPS }) step: MilestoneStep;
  @ApiProperty() mandatory: boolean;
  @ApiProperty({ type: ReminderMilestoneView }) milestone: ReminderMilestoneView;
  @ApiProperty({ type: ReminderFellowView }) fellow: ReminderFellowView;
  @ApiProperty({ type: [UpcomingRecipientView] }) recipients: UpcomingRecipientView[];
}

export class SentReminderView {
  @ApiProperty({ example: '2027-10-08', description: 'Day (Vietnam) it was recorded' }) day: string;
  @ApiProperty() recordedAt: Date;
  @ApiProperty({ enum: MILESTONE_STEPS }) step: MilestoneStep;
  @ApiProperty({ type: ReminderMilestoneView, description: 'dueOn is the due date the step was for' })
  milestone: ReminderMilestoneView;
  @ApiProperty({ type: ReminderFellowView }) fellow: ReminderFellowView;
  @ApiProperty() recipientId: string;
  @ApiProperty() recipientName: string;
  @ApiProperty({ enum: ['sent', 'digest', 'skipped'] }) delivery: 'sent' | 'digest' | 'skipped';
}
