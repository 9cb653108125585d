import { runQuery, typedSql } from '@vgbf/database';
import type { EntityManager } from 'typeorm';

/**
 * Claims the run of a job for a period: a new row, or a failed run taken again (attempts + 1). Returns
 * its id, or undefined when the period's run succeeded or is running.
 */
export async function claimRun(
  manager: EntityManager,
  jobName: string,
  period: Date,
  now: Date,
): Promise<string | undefined> {
  const [row] = await runQuery(
    manager,
    typedSql
      .insertInto('scheduled_job_runs')
      .values({ job_name: jobName, period, started_at: now })
      .onConflict((oc) =>
        oc
          .columns(['job_name', 'period'])
          .doUpdateSet((eb) => ({
            attempts: eb('scheduled_job_runs.attempts', '+', 1),
            outcome: 'running',
            started_at: now,
            finished_at: null,
            error: null,
          }))
          .where('scheduled_job_runs.outcome', '=', 'failed'),
      )
      .returning('id'),
  );
  return row?.id;
}

export async function finishRun(
  manager: EntityManager,
  id: string,
  values: { outcome: 'succeeded' | 'failed'; result: string | null; error: string | null; finished_at: Date },
): Promise<void> {
  await runQuery(manager, typedSql.updateTable('scheduled_job_runs').set(values).where('id', '=', id));
}
