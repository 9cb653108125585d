import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@vgbf/audit';
import { CohortsModule } from '@vgbf/cohorts';
import { FellowsModule } from '@vgbf/fellows';
import { OutboxModule } from '@vgbf/outbox';
import { StorageModule } from '@vgbf/storage';
import { MilestoneExtension } from './entities/milestone-extension.entity';
import { MilestoneReview } from './entities/milestone-review.entity';
import { MilestoneSubmission } from './entities/milestone-submission.entity';
import { MilestoneTemplate } from './entities/milestone-template.entity';
import { Milestone } from './entities/milestone.entity';
import { EvidenceController } from './evidence/evidence.controller';
import { EvidenceMail } from './evidence/evidence-mail';
import { EvidenceService } from './evidence/evidence.service';
import { MilestoneReadsService } from './milestone-reads.service';
import { MilestonesController } from './milestones.controller';
import { MilestoneRemindersModule } from './reminders/reminders.module';
import { MilestoneCohortHooks } from './timeline/cohort-hooks';
import { MilestoneTemplatesService } from './timeline/templates.service';
import { TimelinesService } from './timeline/timelines.service';
import { MilestonesHolder } from './personal-data/milestones.holder';

export const MILESTONE_ENTITIES = [
  MilestoneTemplate,
  Milestone,
  MilestoneSubmission,
  MilestoneReview,
  MilestoneExtension,
];

/** Milestone templates, each fellow's timeline, evidence and its review, extensions that cascade. */
@Module({
  imports: [
    TypeOrmModule.forFeature(MILESTONE_ENTITIES),
    AuditModule,
    CohortsModule,
    FellowsModule,
    OutboxModule,
    StorageModule,
    MilestoneRemindersModule,
  ],
  controllers: [MilestonesController, EvidenceController],
  providers: [
    MilestonesHolder,
    MilestoneTemplatesService,
    MilestoneCohortHooks,
    TimelinesService,
    MilestoneReadsService,
    EvidenceService,
    EvidenceMail,
  ],
  // TimelinesService for the demo seed, which makes the running cohort's timelines as staff would.
  exports: [MilestoneReadsService, TimelinesService],
})
export class MilestonesModule {}
