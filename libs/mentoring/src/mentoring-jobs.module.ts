import { Module } from '@nestjs/common';
import { OutboxModule } from '@vgbf/outbox';
import { MentoringReminders } from './reminders/mentoring-reminders';

/**
 * Mentoring's scheduled jobs (the reminders). The worker imports this module, not the whole of
 * mentoring: no controllers, plain SQL only.
 */
@Module({
  imports: [OutboxModule],
  providers: [MentoringReminders],
  exports: [MentoringReminders],
})
export class MentoringJobsModule {}
