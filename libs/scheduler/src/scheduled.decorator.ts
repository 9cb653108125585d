import { SetMetadata } from '@nestjs/common';
import type { ScheduledJobOptions } from './scheduled-job';

export const SCHEDULED_JOB_METADATA = 'vgbf:scheduled-job';

/**
 * Declares a method of a provider as a scheduled job; adding a job is this one line:
 *
 *   @Scheduled({ name: 'reminders.milestones-due', cron: '0 8 * * *' })
 *   async sendDue({ period }: ScheduledRun) { … }
 *
 * The cron is read in Asia/Ho_Chi_Minh. The worker runs it once per period however many workers run.
 */
export const Scheduled = (options: ScheduledJobOptions): MethodDecorator =>
  SetMetadata(SCHEDULED_JOB_METADATA, options);
