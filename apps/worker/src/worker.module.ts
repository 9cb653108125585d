import { Module } from '@nestjs/common';
import { ApplicationRemindersModule } from '@vgbf/applications';
import { CommitteeJobsModule } from '@vgbf/committee';
import { DataRequestJobsModule } from '@vgbf/privacy';
import { ConfigModule } from '@vgbf/config';
import { ClockModule, LoggingModule } from '@vgbf/core';
import { DatabaseModule } from '@vgbf/database';
import { MailModule } from '@vgbf/mail';
import { MentoringJobsModule } from '@vgbf/mentoring';
import { MilestoneReminderJobsModule } from '@vgbf/milestones';
import { NotificationsJobsModule } from '@vgbf/notifications';
import { OutboxModule } from '@vgbf/outbox';
import { PrivacyModule } from '@vgbf/privacy';
import { QueueModule } from '@vgbf/queue';
import { ReportsJobsModule } from '@vgbf/reports';
import { SchedulerModule } from '@vgbf/scheduler';
import { StorageModule } from '@vgbf/storage';
import { JobSchedulers } from './job-schedulers';
import { MailProcessor } from './mail.processor';
import { MaintenanceJobs } from './maintenance.jobs';
import { OutboxRelayProcessor } from './outbox-relay.processor';
import { ReportsProcessor } from './reports.processor';
import { ScheduledJobsProcessor } from './scheduled-jobs.processor';

/** The worker process: BullMQ processors and job schedulers, no HTTP. */
@Module({
  imports: [
    ConfigModule,
    LoggingModule.forRoot('worker'),
    ClockModule,
    DatabaseModule.forRoot(),
    QueueModule.forRoot(),
    OutboxModule,
    MailModule,
    // The ConsentLedger the reminder pipeline and the jobs ask (optional emails need 'communications').
    PrivacyModule,
    SchedulerModule,
    ApplicationRemindersModule,
    CommitteeJobsModule,
    MentoringJobsModule,
    MilestoneReminderJobsModule,
    NotificationsJobsModule,
    ReportsJobsModule,
    StorageModule,
    DataRequestJobsModule,
  ],
  providers: [
    JobSchedulers,
    MailProcessor,
    OutboxRelayProcessor,
    ReportsProcessor,
    ScheduledJobsProcessor,
    MaintenanceJobs,
  ],
})
export class WorkerModule {}
