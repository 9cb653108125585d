import { type QueryArg, preparedQuery, typedSql } from '@vgbf/database';
import { sql } from 'kysely';
import type { EntityManager } from 'typeorm';
import type { EmailMessage } from '../outbox.service';

// The mail worker's statements on one outbox row (apps/worker/src/mail.processor.ts), built and
// compiled once: its hot path, one statement each, typed against the schema like the relay's.

const claim = preparedQuery((arg: QueryArg<{ id: string; now: Date }>) =>
  typedSql
    .updateTable('outbox')
    .set((eb) => ({
      status: sql.lit('done'),
      processed_at: arg('now'),
      attempts: eb('attempts', '+', sql.lit(1)),
      last_error: null,
    }))
    .where('id', '=', arg('id'))
    .where('status', '<>', sql.lit('done'))
    .returning(['id', 'payload']),
);

/**
 * Locks one row not yet done and marks it done, in the caller's (still open) transaction, counting
 * the attempt; returns its email, or undefined when the row is done already or does not exist (a
 * second worker with the same row waits on the lock, then finds it done).
 */
export async function claimMailRow(
  manager: EntityManager,
  id: string,
  now: Date,
): Promise<{ id: string; email: EmailMessage } | undefined> {
  const [row] = await claim(manager, { id, now });
  return row && { id: row.id, email: row.payload as unknown as EmailMessage };
}

const exists = preparedQuery((arg: QueryArg<{ id: string }>) =>
  typedSql.selectFrom('outbox').select(sql.lit(1).as('known')).where('id', '=', arg('id')),
);

/** Whether the outbox still has this row (in any state). */
export async function outboxRowExists(manager: EntityManager, id: string): Promise<boolean> {
  return (await exists(manager, { id })).length > 0;
}

const requeue = preparedQuery((arg: QueryArg<{ id: string; error: string }>) =>
  typedSql
    .updateTable('outbox')
    .set({ status: sql.lit('queued'), processed_at: null, last_error: arg('error') })
    .where('id', '=', arg('id')),
);

/** Refused at the end of DATA after its row was committed done: queued again, with why. */
export async function requeueRefusedMail(manager: EntityManager, id: string, error: string): Promise<void> {
  await requeue(manager, { id, error });
}

const failedAttempt = preparedQuery((arg: QueryArg<{ id: string; error: string }>) =>
  typedSql
    .updateTable('outbox')
    .set((eb) => ({ attempts: eb('attempts', '+', sql.lit(1)), last_error: arg('error') }))
    .where('id', '=', arg('id')),
);

/** An attempt that failed before the row was committed (rolled back): counted, with why. */
export async function recordFailedMailAttempt(manager: EntityManager, id: string, error: string): Promise<void> {
  await failedAttempt(manager, { id, error });
}
