import { type QueryArg, preparedQuery, typedSql } from '@vgbf/database';
import type { ApplicationStatus } from '../entities/application.entity';

// An application's status change (the submit among them): statements built and compiled once.

/** Sets the status; returns the row's updated_at. */
export const setStatus = preparedQuery((arg: QueryArg<{ id: string; status: ApplicationStatus; now: Date }>) =>
  typedSql
    .updateTable('applications')
    .set({ status: arg('status'), updated_at: arg('now') })
    .where('id', '=', arg('id'))
    .returning('updated_at'),
);

/** Sets the status with the submission's time and Idempotency-Key; returns the row's updated_at. */
export const setSubmittedStatus = preparedQuery(
  (
    arg: QueryArg<{
      id: string;
      status: ApplicationStatus;
      now: Date;
      submittedAt: Date | null;
      submitIdempotencyKey: string | null;
    }>,
  ) =>
    typedSql
      .updateTable('applications')
      .set({
        status: arg('status'),
        updated_at: arg('now'),
        submitted_at: arg('submittedAt'),
        submit_idempotency_key: arg('submitIdempotencyKey'),
      })
      .where('id', '=', arg('id'))
      .returning('updated_at'),
);

/** One row of the status history. */
export const insertStatusChange = preparedQuery(
  (
    arg: QueryArg<{
      applicationId: string;
      from: ApplicationStatus;
      to: ApplicationStatus;
      actorId: string | null;
      reason: string | null;
    }>,
  ) =>
    typedSql.insertInto('application_status_changes').values({
      application_id: arg('applicationId'),
      from_status: arg('from'),
      to_status: arg('to'),
      actor_id: arg('actorId'),
      reason: arg('reason'),
    }),
);
