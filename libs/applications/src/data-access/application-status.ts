import { type QueryArg, preparedQuery, typedSql } from '@vgbf/database';
import type { ApplicationStatus } from '../entities/application.entity';

// An application's status change (the submit among them) and its history row, in one statement each
// (a data-modifying WITH: the UPDATE and the INSERT run together, one round trip instead of two),
// built and compiled once. The history row is written whatever the UPDATE finds, as when they were two
// statements; the caller holds the row's lock, so the UPDATE always finds it.

type StatusChange = {
  id: string;
  from: ApplicationStatus;
  to: ApplicationStatus;
  now: Date;
  actorId: string | null;
  reason: string | null;
};

/** Sets the status and writes the history row; returns the row's new updated_at. */
export const changeStatus = preparedQuery((arg: QueryArg<StatusChange>) =>
  typedSql
    .with('changed', (db) =>
      db
        .updateTable('applications')
        .set({ status: arg('to'), updated_at: arg('now') })
        .where('id', '=', arg('id'))
        .returning('updated_at'),
    )
    .insertInto('application_status_changes')
    .values({
      application_id: arg('id'),
      from_status: arg('from'),
      to_status: arg('to'),
      actor_id: arg('actorId'),
      reason: arg('reason'),
    })
    .returning((eb) => eb.selectFrom('changed').select('changed.updated_at').as('updated_at')),
);

/** The same with the submission's time and Idempotency-Key set beside the status. */
export const changeStatusSubmitted = preparedQuery(
  (arg: QueryArg<StatusChange & { submittedAt: Date | null; submitIdempotencyKey: string | null }>) =>
    typedSql
      .with('changed', (db) =>
        db
          .updateTable('applications')
          .set({
            status: arg('to'),
            updated_at: arg('now'),
            submitted_at: arg('submittedAt'),
            submit_idempotency_key: arg('submitIdempotencyKey'),
          })
          .where('id', '=', arg('id'))
          .returning('updated_at'),
      )
      .insertInto('application_status_changes')
      .values({
        application_id: arg('id'),
        from_status: arg('from'),
        to_status: arg('to'),
        actor_id: arg('actorId'),
        reason: arg('reason'),
      })
      .returning((eb) => eb.selectFrom('changed').select('changed.updated_at').as('updated_at')),
);
