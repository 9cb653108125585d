import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import type { JobSchedulerTemplateOptions, Queue, RepeatOptions } from 'bullmq';

/** How often each worker checks that its job schedulers still exist in Redis. */
export const SCHEDULER_CHECK_EVERY_MS = 1_000;

export interface JobSchedulerSpec {
  queue: Queue;
  id: string;
  repeat: Omit<RepeatOptions, 'key'>;
  template: { name: string; data?: unknown; opts?: JobSchedulerTemplateOptions };
}

/**
 * Upserts the worker's BullMQ job schedulers at start and re-creates any that Redis loses while the
 * worker runs (FLUSHALL, a failover to an empty replica): without this the outbox relay would stop
 * until the next restart. The check is a timer in each worker, but it only makes sure a scheduler
 * exists; the scheduled work itself still runs once per period, from the scheduler.
 */
@Injectable()
export class JobSchedulers implements OnApplicationShutdown {
  private readonly logger = new Logger(JobSchedulers.name);
  private readonly specs = new Map<string, JobSchedulerSpec>();
  private timer?: NodeJS.Timeout;

  async ensure(spec: JobSchedulerSpec): Promise<void> {
    this.specs.set(`${spec.queue.name}:${spec.id}`, spec);
    await this.upsert(spec);
    this.timer ??= setInterval(() => void this.check(), SCHEDULER_CHECK_EVERY_MS).unref();
  }

  /** Re-creates the schedulers Redis no longer has; returns how many. */
  async check(): Promise<number> {
    let recreated = 0;
    try {
      for (const spec of this.specs.values()) {
        if (await spec.queue.getJobScheduler(spec.id)) continue;
        await this.upsert(spec);
        recreated += 1;
        this.logger.warn(`Re-created the job scheduler "${spec.id}" of queue "${spec.queue.name}": Redis had lost it`);
      }
    } catch (error) {
      this.logger.warn({ err: error }, 'Could not check the job schedulers (Redis unreachable?)');
    }
    return recreated;
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  private async upsert({ queue, id, repeat, template }: JobSchedulerSpec): Promise<void> {
    await queue.upsertJobScheduler(id, repeat, template);
  }
}
