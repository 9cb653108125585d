import { runQuery, typedSql } from '@vgbf/database';
import type { EntityManager } from 'typeorm';
import type { ConflictView } from '../dto/conflict.dto';

export interface ConflictRow {
  id: string;
  application_id: string;
  applicant_name: string | null;
  enterprise_name: string | null;
  reviewer_id: string;
  reviewer_name: string;
  source: ConflictView['source'];
  status: ConflictView['status'];
  reason: string;
  created_at: Date;
}

export interface ApplicantContactRow {
  id: string;
  full_name: string | null;
  enterprise_name: string | null;
  email: string;
  referees: Array<{ email?: string }> | null;
}

/** A cohort's applications in these statuses with who applied (name, enterprise, email, referees), for conflict matching. */
export function applicantContacts(
  manager: EntityManager,
  cohortId: string,
  statuses: readonly string[],
): Promise<ApplicantContactRow[]> {
  return runQuery(
    manager,
    typedSql
      .selectFrom('application_review_v as a')
      .innerJoin('user_contacts_v as u', 'u.id', 'a.applicant_id')
      .select(['a.id', 'a.full_name', 'a.enterprise_name', 'u.email', 'a.referees'])
      .where('a.cohort_id', '=', cohortId)
      .where((eb) => eb('a.status', '=', eb.fn.any(eb.val([...statuses]))))
      .$castTo<ApplicantContactRow>(),
  );
}

/** Every reviewer with their email and organisation, for conflict detection. */
export function reviewerContacts(
  manager: EntityManager,
): Promise<Array<{ id: string; email: string; organisation: string | null }>> {
  return runQuery(
    manager,
    typedSql
      .selectFrom('user_contacts_v as u')
      .leftJoin('reviewer_profiles as p', 'p.user_id', 'u.id')
      .select(['u.id', 'u.email', 'p.organisation'])
      .where((eb) => eb(eb.val('reviewer'), '=', eb.fn.any('u.roles')))
      .$castTo<{ id: string; email: string; organisation: string | null }>(),
  );
}

/** The ids of a cohort's conflicts (in this status, or all). */
export async function conflictIdsOfCohort(
  manager: EntityManager,
  cohortId: string,
  status: ConflictView['status'] | null,
): Promise<string[]> {
  let query = typedSql
    .selectFrom('reviewer_conflicts as c')
    .innerJoin('applications_blind_v as a', 'a.id', 'c.application_id')
    .select('c.id')
    .where('a.cohort_id', '=', cohortId);
  if (status !== null) query = query.where('c.status', '=', status);
  return (await runQuery(manager, query)).map((r) => r.id);
}

/** Pairs of a cohort that must stay apart: every conflict not dismissed. */
export function conflictedPairs(
  manager: EntityManager,
  cohortId: string,
): Promise<Array<{ application_id: string; reviewer_id: string }>> {
  return runQuery(
    manager,
    typedSql
      .selectFrom('reviewer_conflicts as c')
      .innerJoin('applications_blind_v as a', 'a.id', 'c.application_id')
      .select(['c.application_id', 'c.reviewer_id'])
      .where('a.cohort_id', '=', cohortId)
      .where('c.status', '<>', 'dismissed'),
  );
}

/** These conflicts with the applicant's and the reviewer's names, by status, then age. */
export function conflictRows(manager: EntityManager, ids: string[]): Promise<ConflictRow[]> {
  return runQuery(
    manager,
    typedSql
      .selectFrom('reviewer_conflicts as c')
      .innerJoin('application_review_v as a', 'a.id', 'c.application_id')
      .innerJoin('user_contacts_v as u', 'u.id', 'c.reviewer_id')
      .select([
        'c.id',
        'c.application_id',
        'a.full_name as applicant_name',
        'a.enterprise_name',
        'c.reviewer_id',
        'u.full_name as reviewer_name',
        'c.source',
        'c.status',
        'c.reason',
        'c.created_at',
      ])
      .where((eb) => eb('c.id', '=', eb.fn.any(eb.val(ids))))
      .orderBy('c.status')
      .orderBy('c.created_at')
      .orderBy('c.id')
      .$castTo<ConflictRow>(),
  );
}
