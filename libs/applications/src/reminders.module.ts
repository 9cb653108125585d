import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '@vgbf/identity';
import { OutboxModule } from '@vgbf/outbox';
import { DeadlineReminders } from './deadline-reminders';
import { ApplicationReminder } from './entities/application-reminder.entity';

/** The worker's side of applications: scheduled reminders. */
@Module({
  imports: [TypeOrmModule.forFeature([ApplicationReminder]), OutboxModule, IdentityModule],
  providers: [DeadlineReminders],
  exports: [DeadlineReminders],
})
export class ApplicationRemindersModule {}
