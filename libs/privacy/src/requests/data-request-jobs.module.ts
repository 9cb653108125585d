import { Module, type OnModuleInit } from '@nestjs/common';
import { ReminderPipeline, ReminderPipelineModule } from '@vgbf/notifications';
import { DataRequestReminders } from './data-request-reminders';

/**
 * The worker's part of people's requests: their reminders and escalations, a family of the one
 * reminder pipeline (run by notifications.reminders, hourly; daily families from 08:00 Vietnam time).
 */
@Module({
  imports: [ReminderPipelineModule],
  providers: [DataRequestReminders],
  exports: [DataRequestReminders],
})
export class DataRequestJobsModule implements OnModuleInit {
  constructor(
    private readonly pipeline: ReminderPipeline,
    private readonly reminders: DataRequestReminders,
  ) {}

  onModuleInit(): void {
    this.pipeline.register(this.reminders);
  }
}
