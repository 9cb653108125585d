import { type Database, type QueryArg, preparedQuery, runQuery, typedSql } from '@vgbf/database';
import { sql } from 'kysely';
import type { EntityManager } from 'typeorm';

type Json = Database['outbox']['payload'];

/** One mail row, pending. Every email-causing write (submit, the busiest) runs it: built and compiled once. */
export const insertMail = preparedQuery((arg: QueryArg<{ payload: object }>) =>
  typedSql
    .insertInto('outbox')
    .values({ queue: sql.lit('mail'), payload: arg('payload') as Json })
    .returning(['id', 'status', 'attempts', 'created_at']),
);

/** One job row for `queue`, pending; its id. */
export async function insertJob(manager: EntityManager, queue: string, payload: object): Promise<string> {
  const [row] = await runQuery(
    manager,
    typedSql
      .insertInto('outbox')
      .values({ queue, payload: payload as Json })
      .returning('id'),
  );
  if (!row) throw new Error('outbox insert returned no row');
  return row.id;
}
