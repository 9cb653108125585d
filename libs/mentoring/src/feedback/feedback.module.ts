import { Module } from '@nestjs/common';
import { AuditModule } from '@vgbf/audit';
import { Clock } from '@vgbf/core';
import { FeedbackController } from './feedback.controller';
import { FeedbackService } from './feedback.service';

/** Checkpoint feedback of mentoring pairs (config/feedback.json). */
@Module({
  imports: [AuditModule],
  controllers: [FeedbackController],
  providers: [FeedbackService, Clock],
  exports: [FeedbackService],
})
export class FeedbackModule {}
