import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MilestoneExtension } from './entities/milestone-extension.entity';
import { MilestoneReminder } from './entities/milestone-reminder.entity';
import { MilestoneReview } from './entities/milestone-review.entity';
import { MilestoneSubmission } from './entities/milestone-submission.entity';
import { MilestoneTemplate } from './entities/milestone-template.entity';
import { Milestone } from './entities/milestone.entity';
import { MilestoneRemindersModule } from './reminders/reminders.module';

export const MILESTONE_ENTITIES = [
  MilestoneTemplate,
  Milestone,
  MilestoneSubmission,
  MilestoneReview,
  MilestoneExtension,
  MilestoneReminder,
];

/** Milestone templates, each fellow's timeline, evidence and its review, extensions that cascade. */
@Module({
  imports: [TypeOrmModule.forFeature(MILESTONE_ENTITIES), MilestoneRemindersModule],
})
export class MilestonesModule {}
