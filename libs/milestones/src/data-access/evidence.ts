import { runQuery, runQueryFirst, typedSql } from '@vgbf/database';
import { sql } from 'kysely';
import type { EntityManager } from 'typeorm';
import type { MilestoneState } from '../entities/milestone.entity';

export interface NewSubmission {
  milestoneId: string;
  text: string | null;
  link: string | null;
  storageKey: string | null;
  filename: string | null;
  sizeBytes: number | null;
  sha256: string | null;
  submittedBy: string;
}

/** The milestone's next submission (version = the last one's + 1), made `at`; its id and version. */
export async function insertSubmission(
  manager: EntityManager,
  s: NewSubmission,
  at: Date,
): Promise<{ id: string; version: number }> {
  const [row] = await runQuery(
    manager,
    typedSql
      .insertInto('milestone_submissions')
      .columns([
        'milestone_id',
        'version',
        'text',
        'link',
        'storage_key',
        'filename',
        'size_bytes',
        'sha256',
        'submitted_by',
        'created_at',
      ])
      .expression((db) =>
        db
          .selectFrom('milestone_submissions')
          .select((eb) => [
            sql<string>`${s.milestoneId}::uuid`.as('milestone_id'),
            sql<number>`${eb.fn.coalesce(eb.fn.max('version'), eb.lit(0))} + 1`.as('version'),
            sql<string | null>`${s.text}::text`.as('text'),
            sql<string | null>`${s.link}::text`.as('link'),
            sql<string | null>`${s.storageKey}::text`.as('storage_key'),
            sql<string | null>`${s.filename}::text`.as('filename'),
            sql<number | null>`${s.sizeBytes}::int`.as('size_bytes'),
            sql<string | null>`${s.sha256}::text`.as('sha256'),
            sql<string>`${s.submittedBy}::uuid`.as('submitted_by'),
            sql<Date>`${at}::timestamptz`.as('created_at'),
          ])
          .where('milestone_id', '=', s.milestoneId),
      )
      .returning(['id', 'version']),
  );
  return row;
}

/** The milestone's latest submission. */
export function latestSubmission(
  manager: EntityManager,
  milestoneId: string,
): Promise<{ id: string; version: number } | undefined> {
  return runQueryFirst(
    manager,
    typedSql
      .selectFrom('milestone_submissions')
      .select(['id', 'version'])
      .where('milestone_id', '=', milestoneId)
      .orderBy('version', 'desc')
      .limit(1),
  );
}

/** The decisions on a submission so far. */
export function decisionsOn(
  manager: EntityManager,
  submissionId: string,
): Promise<Array<{ reviewer_role: 'mentor' | 'staff'; reviewer_id: string; decision: string }>> {
  return runQuery(
    manager,
    typedSql
      .selectFrom('milestone_reviews')
      .select(['reviewer_role', 'reviewer_id', 'decision'])
      .where('submission_id', '=', submissionId)
      .$narrowType<{ reviewer_role: 'mentor' | 'staff' }>(),
  );
}

/** Records one reviewer's decision; created_at from the database, like the audit (it orders the decisions). */
export async function insertReview(
  manager: EntityManager,
  review: {
    milestoneId: string;
    submissionId: string;
    reviewerId: string;
    role: 'mentor' | 'staff';
    decision: string;
    comment: string;
  },
): Promise<void> {
  await runQuery(
    manager,
    typedSql.insertInto('milestone_reviews').values({
      milestone_id: review.milestoneId,
      submission_id: review.submissionId,
      reviewer_id: review.reviewerId,
      reviewer_role: review.role,
      decision: review.decision,
      comment: review.comment,
    }),
  );
}

/** Moves the milestone to `state`, with the columns that go with it. */
export async function setMilestoneState(
  manager: EntityManager,
  id: string,
  state: MilestoneState,
  change: { submitted_at?: Date; approved_at?: Date | null; waived_reason?: string },
  at: Date,
): Promise<void> {
  await runQuery(
    manager,
    typedSql
      .updateTable('milestones')
      .set({ state, ...change, updated_at: at })
      .where('id', '=', id),
  );
}

/** A submission's stored file of the milestone (storage key null when it carried none). */
export function submissionFile(
  manager: EntityManager,
  milestoneId: string,
  submissionId: string,
): Promise<{ storage_key: string | null; filename: string | null; size_bytes: number | null } | undefined> {
  return runQueryFirst(
    manager,
    typedSql
      .selectFrom('milestone_submissions')
      .select(['storage_key', 'filename', 'size_bytes'])
      .where('id', '=', submissionId)
      .where('milestone_id', '=', milestoneId),
  );
}
