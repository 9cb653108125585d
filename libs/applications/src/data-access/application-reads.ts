import { runQuery, runQueryFirst, typedSql } from '@vgbf/database';
import { type NotNull, sql } from 'kysely';
import type { EntityManager } from 'typeorm';
import { field } from './application-filters';

/** The applicant's account language (identity's user_contacts_v), if the application exists. */
export async function applicantLanguage(manager: EntityManager, applicationId: string): Promise<string | undefined> {
  const row = await runQueryFirst(
    manager,
    typedSql
      .selectFrom('applications as a')
      .innerJoin('user_contacts_v as u', 'u.id', 'a.applicant_id')
      .select('u.language')
      .where('a.id', '=', applicationId),
  );
  return row?.language ?? undefined;
}

/** What the eligibility rules judge of each of a cohort's current (not withdrawn) applications. */
export function eligibilityFacts(manager: EntityManager, cohortId: string) {
  return runQuery(
    manager,
    typedSql
      .selectFrom('applications')
      .select(['personal', 'enterprise'])
      .where('cohort_id', '=', cohortId)
      .where('status', '<>', sql.lit('withdrawn'))
      .$castTo<{ personal: Record<string, unknown>; enterprise: Record<string, unknown> }>(),
  );
}

/**
 * Drafts of open cohorts whose application deadline falls (a day in `timeZone`) from `from` to `to`,
 * with the cohort's name and deadline; by id.
 */
export function draftsClosingBetween(manager: EntityManager, timeZone: string, [from, to]: readonly [string, string]) {
  return runQuery(
    manager,
    typedSql
      .selectFrom('applications as a')
      .innerJoin('cohort_headers_v as c', 'c.id', 'a.cohort_id')
      .select((eb) => [
        'a.id',
        'a.applicant_id',
        'c.name as cohort',
        'c.application_closes_at as closes',
        sql<string>`to_char(${eb.ref('c.application_closes_at')} AT TIME ZONE ${sql.lit(timeZone)}, 'YYYY-MM-DD')`.as(
          'due_on',
        ),
        field(eb, 'a.personal', 'fullName').as('personal_name'),
      ])
      .where('a.status', '=', sql.lit('draft'))
      .where('c.status', '=', sql.lit('open'))
      .where(
        (eb) =>
          sql<boolean>`(${eb.ref('c.application_closes_at')} AT TIME ZONE ${sql.lit(timeZone)})::date BETWEEN ${from}::date AND ${to}::date`,
      )
      .orderBy('a.id')
      .$narrowType<{ cohort: NotNull; closes: NotNull }>(),
  );
}
