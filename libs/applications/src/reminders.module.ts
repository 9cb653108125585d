import { Module, type OnModuleInit } from '@nestjs/common';
import { IdentityModule } from '@vgbf/identity';
import { ReminderPipeline, ReminderPipelineModule } from '@vgbf/notifications';
import { DeadlineReminders } from './deadline-reminders';

/** The worker's side of applications: registers the deadline reminders with the one reminder pipeline. */
@Module({
  imports: [ReminderPipelineModule, IdentityModule],
  providers: [DeadlineReminders],
  exports: [DeadlineReminders],
})
export class ApplicationRemindersModule implements OnModuleInit {
  constructor(
    private readonly pipeline: ReminderPipeline,
    private readonly family: DeadlineReminders,
  ) {}

  onModuleInit(): void {
    this.pipeline.register(this.family);
  }
}
