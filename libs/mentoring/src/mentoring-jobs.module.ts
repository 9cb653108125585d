import { Module, type OnModuleInit } from '@nestjs/common';
import { ReminderPipeline, ReminderPipelineModule } from '@vgbf/notifications';
import {
  InactiveMentorReminders,
  UnconfirmedSessionReminders,
  UpcomingSessionReminders,
} from './reminders/mentoring-reminders';

const FAMILIES = [InactiveMentorReminders, UnconfirmedSessionReminders, UpcomingSessionReminders];

/**
 * Mentoring's reminders: three families of the one reminder pipeline, registered at init. The worker
 * imports this module, not the whole of mentoring: no controllers, plain SQL only.
 */
@Module({
  imports: [ReminderPipelineModule],
  providers: FAMILIES,
  exports: FAMILIES,
})
export class MentoringJobsModule implements OnModuleInit {
  constructor(
    private readonly pipeline: ReminderPipeline,
    private readonly inactive: InactiveMentorReminders,
    private readonly unconfirmed: UnconfirmedSessionReminders,
    private readonly upcoming: UpcomingSessionReminders,
  ) {}

  onModuleInit(): void {
    this.pipeline.register(this.inactive);
    this.pipeline.register(this.unconfirmed);
    this.pipeline.register(this.upcoming);
  }
}
