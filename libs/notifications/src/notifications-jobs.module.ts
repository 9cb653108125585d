import { Module } from '@nestjs/common';
import { OutboxModule } from '@vgbf/outbox';
import { DailyDigest } from './daily-digest';
import { NotificationDeliveryModule } from './notification-delivery.module';
import { ReminderPipelineModule } from './reminders/reminder-pipeline.module';

/** The daily digest and the reminder pipeline's jobs; the worker imports this module (no controllers). */
@Module({
  imports: [OutboxModule, NotificationDeliveryModule, ReminderPipelineModule],
  providers: [DailyDigest],
  exports: [DailyDigest],
})
export class NotificationsJobsModule {}
