import { type QueryArg, preparedQuery, runQuery, typedSql } from '@vgbf/database';
import { sql } from 'kysely';
import type { EntityManager } from 'typeorm';

/**
 * The outbox's rows for the modules that run a job from it or look back at what it sent (reports: the
 * report files and the weekly report): they go through these instead of naming the outbox table.
 * The delivery state of one row is also published as the view outbox_deliveries_v.
 */

const payloadOf = preparedQuery((arg: QueryArg<{ id: string }>) =>
  typedSql.selectFrom('outbox').select('payload').where('id', '=', arg('id')),
);

/** The payload of one outbox row (a job's arguments), or undefined when the row is gone. */
export async function outboxPayload<T extends object>(manager: EntityManager, id: string): Promise<T | undefined> {
  const [row] = await payloadOf(manager, { id });
  return row?.payload as T | undefined;
}

const markDone = preparedQuery((arg: QueryArg<{ id: string; at: Date }>) =>
  typedSql
    .updateTable('outbox')
    .set({ status: sql.lit('done'), processed_at: arg('at') })
    .where('id', '=', arg('id'))
    .where('status', '<>', sql.lit('done')),
);

/** A job row the caller ran itself is done (left alone when it already is). */
export async function markOutboxDone(manager: EntityManager, id: string, at: Date): Promise<void> {
  await markDone(manager, { id, at });
}

const markFailed = preparedQuery((arg: QueryArg<{ id: string; error: string }>) =>
  typedSql
    .updateTable('outbox')
    .set({ status: sql.lit('failed'), last_error: arg('error') })
    .where('id', '=', arg('id'))
    .where('status', '<>', sql.lit('done')),
);

/** A job row failed for good (after its last retry), with why; a done row is left alone. */
export async function markOutboxFailed(manager: EntityManager, id: string, error: string): Promise<void> {
  await markFailed(manager, { id, error });
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
  const rows = await runQuery(
    manager,
    typedSql
      .selectFrom('outbox')
      .select((eb) => sql<string>`${eb.ref('payload')} ->> 'to'`.as('email'))
      .where('queue', '=', sql.lit('mail'))
      .where((eb) => sql<boolean>`${eb.ref('payload')} ->> 'template' = ${template}`)
      .where((eb) => sql<boolean>`${eb.ref('payload')} -> 'data' @> ${JSON.stringify(data)}::jsonb`),
  );
  return rows.map((r) => r.email);
}
