import { runQuery, typedSql } from '@vgbf/database';
import { sql } from 'kysely';
import type { EntityManager } from 'typeorm';
import type { FeedbackAuthorRole } from '../entities/feedback-answer.entity';

export interface AnswerRow {
  checkpoint: string;
  author_role: FeedbackAuthorRole;
  author_id: string;
  answers: Record<string, unknown>;
  created_at: Date;
}

const answers = (pairingId: string) =>
  typedSql
    .selectFrom('feedback_answers')
    .select(['checkpoint', 'author_role', 'author_id', 'answers', 'created_at'])
    .where('pairing_id', '=', pairingId)
    .$castTo<AnswerRow>();

/** One side's answers of a pair. */
export function answersOfSide(
  manager: EntityManager,
  pairingId: string,
  role: FeedbackAuthorRole,
): Promise<AnswerRow[]> {
  return runQuery(manager, answers(pairingId).where('author_role', '=', role));
}

/** Both sides' answers, oldest first. */
export function answersOfBothSides(manager: EntityManager, pairingId: string): Promise<AnswerRow[]> {
  return runQuery(manager, answers(pairingId).orderBy('created_at').orderBy('author_role'));
}

/** Stores a side's answers to a checkpoint; false when that side had answered it already. */
export async function insertAnswers(
  manager: EntityManager,
  values: {
    pairing_id: string;
    checkpoint: string;
    author_role: FeedbackAuthorRole;
    author_id: string;
    answers: unknown;
  },
): Promise<boolean> {
  const inserted = await runQuery(
    manager,
    typedSql
      .insertInto('feedback_answers')
      .values({ ...values, answers: sql`${JSON.stringify(values.answers)}::jsonb` })
      .onConflict((oc) => oc.columns(['pairing_id', 'checkpoint', 'author_role']).doNothing())
      .returning('id'),
  );
  return inserted.length > 0;
}
