import { Module } from '@nestjs/common';
import { NotificationDeliveryModule } from '@vgbf/notifications';
import { MilestoneReminderChain } from './milestone-reminder-chain';

/** The worker side: the daily reminder chain job. */
@Module({
  imports: [NotificationDeliveryModule],
  providers: [MilestoneReminderChain],
  exports: [MilestoneReminderChain],
})
export class MilestoneReminderJobsModule {}
