import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Clock } from '@vgbf/core';
import type { DataSource } from 'typeorm';
import { SchedulerRegistry } from './scheduler-registry';

export type ScheduledRunStatus = 'ran' | 'skipped';

/** TypeORM returns [rows, count] for INSERT/UPDATE … RETURNING on PostgreSQL in some paths; accept both. */
const rowsOf = (result: unknown): unknown[] =>
  (Array.isArray(result) && Array.isArray(result[0]) ? result[0] : result) as unknown[];

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

    const claimed = rowsOf(
      await this.db.query(
        `INSERT INTO scheduled_job_runs (job_name, period, started_at) VALUES ($1, $2, $3)
         ON CONFLICT (job_name, period) DO UPDATE
           SET attempts = scheduled_job_runs.attempts + 1, outcome = 'running', started_at = $3,
               finished_at = NULL, error = NULL
           WHERE scheduled_job_runs.outcome = 'failed'
         RETURNING id`,
        [name, period, this.clock.now()],
      ),
    ) as Array<{ id: string }>;
    const runId = claimed[0]?.id;
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
    await this.db.query(
      `UPDATE scheduled_job_runs SET outcome = $2, finished_at = $5, result = $3, error = $4 WHERE id = $1`,
      [id, outcome, result === null ? null : JSON.stringify(result), error, this.clock.now()],
    );
  }
}
