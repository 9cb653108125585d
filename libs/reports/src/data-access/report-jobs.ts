import { runQuery, runQueryFirst, typedSql } from '@vgbf/database';
import type { EntityManager } from 'typeorm';

/** Moves a report job that is not done to running (from 0 %); false when it is done already or unknown. */
export async function claimReportJob(manager: EntityManager, id: string): Promise<boolean> {
  const rows = await runQuery(
    manager,
    typedSql
      .updateTable('report_jobs')
      .set({ status: 'running', progress: 0, error: null })
      .where('id', '=', id)
      .where('status', '<>', 'done')
      .returning('id'),
  );
  return rows.length > 0;
}

/** A running job's progress, in percent. */
export async function setReportProgress(manager: EntityManager, id: string, percent: number): Promise<void> {
  await runQuery(
    manager,
    typedSql.updateTable('report_jobs').set({ progress: percent }).where('id', '=', id).where('status', '=', 'running'),
  );
}

/** Marks the job done with its file, unless another run did first (false then). */
export async function finishReportJob(
  manager: EntityManager,
  id: string,
  done: { rows: number; storageKey: string; filename: string; at: Date },
): Promise<boolean> {
  const rows = await runQuery(
    manager,
    typedSql
      .updateTable('report_jobs')
      .set({
        status: 'done',
        progress: 100,
        rows: done.rows,
        storage_key: done.storageKey,
        filename: done.filename,
        finished_at: done.at,
        error: null,
      })
      .where('id', '=', id)
      .where('status', '<>', 'done')
      .returning('id'),
  );
  return rows.length > 0;
}

/** After the last retry: the job failed, and why (a done job stays done). */
export async function failReportJob(manager: EntityManager, id: string, message: string, at: Date): Promise<void> {
  await runQuery(
    manager,
    typedSql
      .updateTable('report_jobs')
      .set({ status: 'failed', error: message, finished_at: at })
      .where('id', '=', id)
      .where('status', '<>', 'done'),
  );
}

/** The cohort's name (cohorts' view), for the file name. */
export async function cohortName(manager: EntityManager, cohortId: string): Promise<string | undefined> {
  const row = await runQueryFirst(manager, typedSql.selectFrom('cohort_headers_v').select('name').where('id', '=', cohortId));
  return row?.name ?? undefined;
}

/** The account's language (identity's view), which a file speaks. */
export async function accountLanguage(manager: EntityManager, userId: string): Promise<string | undefined> {
  const row = await runQueryFirst(manager, typedSql.selectFrom('user_contacts_v').select('language').where('id', '=', userId));
  return row?.language ?? undefined;
}
