import { runQuery, typedSql } from '@vgbf/database';
import type { EntityManager } from 'typeorm';

export interface AssignmentRow {
  id: string;
  application_id: string;
  applicant_name: string | null;
  reviewer_id: string;
  reviewer_name: string;
  source: 'auto' | 'manual';
  reviewed: boolean;
  created_at: Date;
}

/** A cohort's applications in these statuses with their sector (applications_blind_v), by id. */
export function applicationsInStatus(
  manager: EntityManager,
  cohortId: string,
  statuses: readonly string[],
): Promise<Array<{ id: string; status: string; sector: string | null }>> {
  return runQuery(
    manager,
    typedSql
      .selectFrom('applications_blind_v')
      .select(['id', 'status', 'sector'])
      .where('cohort_id', '=', cohortId)
      .where((eb) => eb('status', '=', eb.fn.any(eb.val([...statuses]))))
      .orderBy('id')
      .$castTo<{ id: string; status: string; sector: string | null }>(),
  );
}

/** The applicant of each of these applications (cohort_applicants_v: applications not withdrawn). */
export async function applicantsOf(manager: EntityManager, applicationIds: string[]): Promise<Map<string, string>> {
  if (!applicationIds.length) return new Map();
  const rows = await runQuery(
    manager,
    typedSql
      .selectFrom('cohort_applicants_v')
      .select(['application_id', 'applicant_id'])
      .where('application_id', 'in', applicationIds),
  );
  return new Map(rows.map((r) => [r.application_id!, r.applicant_id!]));
}

/** Removes a cohort's assignments nobody has reviewed yet; returns their ids. */
export function deleteUnreviewedAssignments(manager: EntityManager, cohortId: string): Promise<Array<{ id: string }>> {
  return runQuery(
    manager,
    typedSql
      .deleteFrom('review_assignments as a')
      .where('a.cohort_id', '=', cohortId)
      .where((eb) =>
        eb.not(
          eb.exists(eb.selectFrom('reviews as r').select('r.assignment_id').whereRef('r.assignment_id', '=', 'a.id')),
        ),
      )
      .returning('a.id'),
  );
}

/** A cohort's assignments (these ones, or all) with the applicant's and the reviewer's names, by applicant. */
export function assignmentRows(
  manager: EntityManager,
  cohortId: string,
  ids: string[] | null,
): Promise<AssignmentRow[]> {
  let query = typedSql
    .selectFrom('review_assignments as a')
    .innerJoin('application_review_v as app', (join) =>
      join.onRef('app.id', '=', 'a.application_id').onRef('app.cohort_id', '=', 'a.cohort_id'),
    )
    .innerJoin('user_contacts_v as u', 'u.id', 'a.reviewer_id')
    .leftJoin('reviews as r', (join) => join.onRef('r.assignment_id', '=', 'a.id').on('r.cohort_id', '=', cohortId))
    .select((eb) => [
      'a.id',
      'a.application_id',
      'app.full_name as applicant_name',
      'a.reviewer_id',
      'u.full_name as reviewer_name',
      'a.source',
      eb('r.assignment_id', 'is not', null).as('reviewed'),
      'a.created_at',
    ])
    .where('a.cohort_id', '=', cohortId)
    .orderBy('app.full_name')
    .orderBy('u.full_name')
    .orderBy('a.id')
    .$castTo<AssignmentRow>();
  if (ids !== null) query = query.where((eb) => eb('a.id', '=', eb.fn.any(eb.val(ids))));
  return runQuery(manager, query);
}
