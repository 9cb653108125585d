import type { EntityManager } from 'typeorm';

/**
 * The outbox's rows for the modules that run a job from it or look back at what it sent (reports: the
 * report files and the weekly report): they go through these instead of naming the outbox table.
 * The delivery state of one row is also published as the view outbox_deliveries_v.
 */

/** The payload of one outbox row (a job's arguments), or undefined when the row is gone. */
export async function outboxPayload<T extends object>(manager: EntityManager, id: string): Promise<T | undefined> {
  const [row] = await manager.query<Array<{ payload: T }>>(`SELECT payload FROM outbox WHERE id = $1`, [id]);
  return row?.payload;
}

/** A job row the caller ran itself is done (left alone when it already is). */
export async function markOutboxDone(manager: EntityManager, id: string, at: Date): Promise<void> {
  await manager.query(`UPDATE outbox SET status = 'done', processed_at = $2 WHERE id = $1 AND status <> 'done'`, [
    id,
    at,
  ]);
}

/** A job row failed for good (after its last retry), with why; a done row is left alone. */
export async function markOutboxFailed(manager: EntityManager, id: string, error: string): Promise<void> {
  await manager.query(`UPDATE outbox SET status = 'failed', last_error = $2 WHERE id = $1 AND status <> 'done'`, [
    id,
    error,
  ]);
}

/**
 * The recipients of the emails already written (any state) from `template` whose data has these
 * string values, e.g. a weekly report's { cohortId, week }: so a second run writes nobody's twice.
 */
export async function mailRecipients(
  manager: EntityManager,
  template: string,
  data: Record<string, string>,
): Promise<string[]> {
  const rows = await manager.query<Array<{ email: string }>>(
    `SELECT payload ->> 'to' AS email FROM outbox
      WHERE queue = 'mail' AND payload ->> 'template' = $1 AND payload -> 'data' @> $2::jsonb`,
    [template, JSON.stringify(data)],
  );
  return rows.map((r) => r.email);
}
