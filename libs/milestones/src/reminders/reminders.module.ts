import { Module } from '@nestjs/common';
import { ReminderPipelineModule } from '@vgbf/notifications';
import { MilestoneReminderFamily } from './milestone-reminder-family';
import { RemindersController } from './reminders.controller';
import { RemindersService } from './reminders.service';

/** The API side of milestone reminders: staff's dry run and record of what was sent. */
@Module({
  imports: [ReminderPipelineModule],
  controllers: [RemindersController],
  providers: [RemindersService, MilestoneReminderFamily],
})
export class MilestoneRemindersModule {}
