import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { type JobPayloads, QUEUES } from '@vgbf/queue';
import {
  SCHEDULE_TIME_ZONE,
  ScheduledJobRunner,
  type ScheduledRunStatus,
  SchedulerRegistry,
  periodOf,
} from '@vgbf/scheduler';
import type { Job, Queue } from 'bullmq';
import { JobSchedulers } from './job-schedulers';

/**
 * Runs the registered scheduled jobs through BullMQ job schedulers on the `scheduled` queue: a
 * scheduler makes one job per period whatever the number of workers, and the runner records
 * (job, period) uniquely, so even a repeated job runs its handler once.
 */
@Processor(QUEUES.scheduled, { concurrency: 2 })
export class ScheduledJobsProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(ScheduledJobsProcessor.name);

  constructor(
    private readonly registry: SchedulerRegistry,
    private readonly runner: ScheduledJobRunner,
    @InjectQueue(QUEUES.scheduled) private readonly queue: Queue<JobPayloads['scheduled']>,
    private readonly schedulers: JobSchedulers,
  ) {
    super();
  }

  /** Makes Redis hold exactly the registered schedules: upserts each, removes any other. */
  async onApplicationBootstrap(): Promise<void> {
    const jobs = this.registry.jobs();
    for (const job of jobs) {
      await this.schedulers.ensure({
        queue: this.queue,
        id: job.name,
        repeat: { pattern: job.cron, tz: SCHEDULE_TIME_ZONE },
        template: {
          name: job.name,
          data: { name: job.name },
          opts: {
            attempts: 3,
            backoff: { type: 'exponential', delay: 5_000 },
            removeOnComplete: { count: 1_000 },
            removeOnFail: 1_000,
          },
        },
      });
    }
    const wanted = new Set(jobs.map((j) => j.name));
    for (const scheduler of await this.queue.getJobSchedulers()) {
      if (wanted.has(scheduler.key)) continue;
      await this.queue.removeJobScheduler(scheduler.key);
      this.logger.warn(`Removed the job scheduler "${scheduler.key}": no job of that name is registered`);
    }
    this.logger.log(`Job schedulers: ${jobs.map((j) => `${j.name} (${j.cron})`).join(', ') || 'none'}`);
  }

  async process(job: Job<JobPayloads['scheduled']>): Promise<ScheduledRunStatus> {
    const period = periodOf(job);
    // Only schedulers make these jobs; one added by hand has no period and nothing to be unique on.
    if (!period) throw new Error(`Scheduled job ${job.id} has no scheduled time`);
    return this.runner.run(job.data.name, period);
  }
}
