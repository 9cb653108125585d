import { Module } from '@nestjs/common';
import { NotificationDeliveryModule } from '@vgbf/notifications';
import { RemindersController } from './reminders.controller';
import { RemindersService } from './reminders.service';

/** The API side of milestone reminders: staff's dry run and record of what was sent. */
@Module({
  imports: [NotificationDeliveryModule],
  controllers: [RemindersController],
  providers: [RemindersService],
})
export class MilestoneRemindersModule {}
