import { Module, type OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@vgbf/audit';
import { CohortHooks } from './cohort-hooks';
import { CohortSetupService } from './cohort-setup.service';
import { CohortsController } from './cohorts.controller';
import { CohortsService } from './cohorts.service';
import { Cohort } from './entities/cohort.entity';
import { Hub } from './entities/hub.entity';
import { defaultFeedbackCheckpoints } from './feedback/checkpoint-rules';
import { FeedbackCheckpointsService } from './feedback/feedback-checkpoints.service';
import { defaultEligibilityRules, defaultHubs } from './program-defaults';

@Module({
  imports: [TypeOrmModule.forFeature([Cohort, Hub]), AuditModule],
  controllers: [CohortsController],
  providers: [CohortsService, CohortSetupService, FeedbackCheckpointsService, CohortHooks],
  exports: [CohortsService, CohortHooks, FeedbackCheckpointsService],
})
export class CohortsModule implements OnModuleInit {
  /** Refuse to start with broken program data rather than fail on the first cohort created. */
  onModuleInit(): void {
    defaultHubs();
    defaultEligibilityRules();
    defaultFeedbackCheckpoints();
  }
}
