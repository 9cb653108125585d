import { Module } from '@nestjs/common';
import { OutboxModule } from '@vgbf/outbox';
import { DailyDigest } from './daily-digest';
import { NotificationDeliveryModule } from './notification-delivery.module';

/** The daily digest job; the worker imports this module (no controllers). */
@Module({
  imports: [OutboxModule, NotificationDeliveryModule],
  providers: [DailyDigest],
  exports: [DailyDigest],
})
export class NotificationsJobsModule {}
