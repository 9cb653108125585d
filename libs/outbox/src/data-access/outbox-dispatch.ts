import { type QueryArg, preparedQuery, typedSql } from '@vgbf/database';
import { sql } from 'kysely';

// The relay's statements: its hot path, built and compiled once (preparedQuery), each one statement as
// before — the same row locks (FOR UPDATE SKIP LOCKED), the same order, run in the relay's transactions.

/**
 * Claims up to `limit` pending rows, oldest first, skipping rows another relay holds: marks them queued
 * at `now` and returns them, in one statement.
 */
export const claimPending = preparedQuery((arg: QueryArg<{ limit: number; now: Date }>) =>
  typedSql
    .updateTable('outbox')
    .set({ status: sql.lit('queued'), queued_at: arg('now') })
    .where('id', 'in', (eb) =>
      eb
        .selectFrom('outbox')
        .select('id')
        .where('status', '=', sql.lit('pending'))
        .orderBy('created_at')
        .limit(arg('limit'))
        .forUpdate()
        .skipLocked(),
    )
    .returning(['id', 'queue']),
);

/** Rows queued more than `olderThanSeconds` before `now`, oldest first, locked (skipping those another relay holds). */
export const lockQueuedBefore = preparedQuery((arg: QueryArg<{ olderThanSeconds: number; limit: number; now: Date }>) =>
  typedSql
    .selectFrom('outbox')
    .select(['id', 'queue'])
    .where('status', '=', sql.lit('queued'))
    .where('queued_at', '<', sql<Date>`${arg('now')}::timestamptz - make_interval(secs => ${arg('olderThanSeconds')})`)
    .orderBy('queued_at')
    .limit(arg('limit'))
    .forUpdate()
    .skipLocked(),
);

/** These rows were queued again at `now`. */
export const requeued = preparedQuery((arg: QueryArg<{ ids: string[]; now: Date }>) =>
  typedSql
    .updateTable('outbox')
    .set({ queued_at: arg('now') })
    .where('id', '=', sql<string>`ANY(${arg('ids')}::uuid[])`),
);
