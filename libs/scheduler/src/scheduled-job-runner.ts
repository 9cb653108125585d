import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Clock } from '@vgbf/core';
import type { DataSource } from 'typeorm';
import { claimRun, finishRun } from './data-access/scheduled-job-runs';
import { SchedulerRegistry } from './scheduler-registry';

export type ScheduledRunStatus = 'ran' | 'skipped';

/**
 * Runs a registered job for one period, at most once: the run is claimed by inserting its
 * (job, period) row, committed before the handler starts. A second run of the same period finds the
 * row and does nothing. Only a run that failed may be claimed again (its job's retry), so a failure
 * is retried but a success is never repeated.
 */
@Injectable()
export class ScheduledJobRunner {
  private readonly logger = new Logger(ScheduledJobRunner.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly registry: SchedulerRegistry,
    private readonly clock: Clock,
  ) {}

  async run(name: string, period: Date): Promise<ScheduledRunStatus> {
    const job = this.registry.get(name);
    // A job of a scheduler this build no longer has (removed at start-up, or left by an older worker).
    if (!job) throw new Error(`No handler for scheduled job "${name}"`);

    const runId = await claimRun(this.db.manager, name, period, this.clock.now());
    if (!runId) {
      this.logger.log({ job: name, period }, 'Scheduled run already done or in progress; skipped');
      return 'skipped';
    }

    try {
      const result = await job.handler({ name, period });
      await this.finish(runId, 'succeeded', result ?? null, null);
      this.logger.log({ job: name, period, result }, 'Scheduled run succeeded');
      return 'ran';
    } catch (error) {
      await this.finish(runId, 'failed', null, String((error as Error)?.stack ?? error).slice(0, 4000));
      throw error;
    }
  }

  private async finish(id: string, outcome: 'succeeded' | 'failed', result: unknown, error: string | null) {
    await finishRun(this.db.manager, id, {
      outcome,
      finished_at: this.clock.now(),
      result: result === null ? null : JSON.stringify(result),
      error,
    });
  }
}
