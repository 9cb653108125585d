import { Module } from '@nestjs/common';
import { NotificationDeliveryModule } from '../notification-delivery.module';
import { ReminderPipeline } from './reminder-pipeline';

/**
 * The one reminder pipeline. Domain libs import this module and register their family with
 * ReminderPipeline at init; the worker's NotificationsJobsModule runs it on schedule.
 */
@Module({
  imports: [NotificationDeliveryModule],
  providers: [ReminderPipeline],
  exports: [ReminderPipeline],
})
export class ReminderPipelineModule {}
