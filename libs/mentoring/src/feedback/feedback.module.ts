import { Module } from '@nestjs/common';
import { AuditModule } from '@vgbf/audit';
import { CohortsModule } from '@vgbf/cohorts';
import { FeedbackController } from './feedback.controller';
import { FeedbackService } from './feedback.service';

/** Checkpoint feedback of mentoring pairs (each cohort's own checkpoints). */
@Module({
  imports: [AuditModule, CohortsModule],
  controllers: [FeedbackController],
  providers: [FeedbackService],
  exports: [FeedbackService],
})
export class FeedbackModule {}
