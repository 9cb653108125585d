import { runQuery, typedSql } from '@vgbf/database';
import type { Language } from '@vgbf/identity';
import { sql } from 'kysely';
import type { EntityManager } from 'typeorm';

export interface UnfinishedReviewsRow {
  cohort_id: string;
  reviewer_id: string;
  pending: number;
  deadline: Date;
  due_on: string;
  cohort: string;
  email: string;
  full_name: string;
  language: Language;
}

/**
 * Per reviewer and reviewing cohort, the assignments still without a review on applications under
 * review, for rounds whose deadline falls (in Vietnam) between `from` and `to` (YYYY-MM-DD), by email.
 */
export function unfinishedReviews(
  manager: EntityManager,
  [from, to]: readonly [string, string],
): Promise<UnfinishedReviewsRow[]> {
  return runQuery(
    manager,
    typedSql
      .selectFrom('review_assignments as a')
      .innerJoin('applications_blind_v as app', (join) =>
        join.onRef('app.id', '=', 'a.application_id').on('app.status', '=', 'under_review'),
      )
      .innerJoin('review_rounds as rr', 'rr.cohort_id', 'a.cohort_id')
      .innerJoin('cohort_headers_v as c', (join) =>
        join.onRef('c.id', '=', 'a.cohort_id').on('c.status', '=', 'reviewing'),
      )
      .innerJoin('user_contacts_v as u', 'u.id', 'a.reviewer_id')
      .select((eb) => [
        'a.cohort_id',
        'a.reviewer_id',
        sql<number>`count(*)::int`.as('pending'),
        'rr.review_deadline as deadline',
        sql<string>`to_char(${eb.ref('rr.review_deadline')} AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD')`.as(
          'due_on',
        ),
        'c.name as cohort',
        'u.email',
        'u.full_name',
        'u.language',
      ])
      .where((eb) =>
        eb.not(
          eb.exists(eb.selectFrom('reviews as r').select('r.assignment_id').whereRef('r.assignment_id', '=', 'a.id')),
        ),
      )
      .where(
        (eb) =>
          sql<boolean>`(${eb.ref('rr.review_deadline')} AT TIME ZONE 'Asia/Ho_Chi_Minh')::date BETWEEN ${from}::date AND ${to}::date`,
      )
      .groupBy(['a.cohort_id', 'a.reviewer_id', 'rr.review_deadline', 'c.name', 'u.email', 'u.full_name', 'u.language'])
      .orderBy('u.email')
      .$castTo<UnfinishedReviewsRow>(),
  );
}
