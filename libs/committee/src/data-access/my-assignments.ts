import { runQuery, typedSql } from '@vgbf/database';
import type { EntityManager } from 'typeorm';

export interface MyAssignmentRow {
  id: string;
  application_id: string;
  cohort_id: string;
  cohort_name: string;
  sector: string | null;
  hub_preferences: string[];
  reviewed: boolean;
  drafted: boolean;
  review_deadline: Date | null;
  round_open: boolean;
}

/**
 * A reviewer's assignments with the blind facts of each application (applications_blind_v), its
 * cohort's name and its round's deadline; open rounds first, then the newest cohort, unreviewed first.
 */
export function assignmentsOfReviewer(
  manager: EntityManager,
  reviewerId: string,
  now: Date,
): Promise<MyAssignmentRow[]> {
  return runQuery(
    manager,
    typedSql
      .selectFrom('review_assignments as a')
      .innerJoin('applications_blind_v as app', 'app.id', 'a.application_id')
      .innerJoin('cohort_selection_v as c', 'c.id', 'a.cohort_id')
      .leftJoin('reviews as r', 'r.assignment_id', 'a.id')
      .leftJoin('review_drafts as d', 'd.assignment_id', 'a.id')
      .leftJoin('review_rounds as rr', 'rr.cohort_id', 'a.cohort_id')
      .select((eb) => [
        'a.id',
        'a.application_id',
        'a.cohort_id',
        'c.name as cohort_name',
        'app.sector',
        'app.hub_preferences',
        eb('r.assignment_id', 'is not', null).as('reviewed'),
        eb.and([eb('r.assignment_id', 'is', null), eb('d.assignment_id', 'is not', null)]).as('drafted'),
        'rr.review_deadline',
        eb
          .and([
            eb('c.status', '=', 'reviewing'),
            eb.or([eb('rr.review_deadline', 'is', null), eb('rr.review_deadline', '>', now)]),
          ])
          .as('round_open'),
      ])
      .where('a.reviewer_id', '=', reviewerId)
      .orderBy('round_open', 'desc')
      .orderBy('c.created_at', 'desc')
      .orderBy('c.id')
      .orderBy('reviewed')
      .orderBy('a.created_at')
      .orderBy('a.id')
      .$castTo<MyAssignmentRow>(),
  );
}
