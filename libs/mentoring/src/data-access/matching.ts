import { runQuery, typedSql } from '@vgbf/database';
import type { Language } from '@vgbf/identity';
import type { MatchReason } from '@vgbf/solvers';
import { sql } from 'kysely';
import type { EntityManager } from 'typeorm';
import type { MentorRow, StoredResult } from '../matching/matching-view';

export interface ActivePairRow {
  id: string;
  fellow_id: string;
  fellow_name: string;
  mentor_id: string;
  mentor_name: string;
  score: number;
  reasons: MatchReason[];
  created_at: Date;
}

/** A cohort's active pairs, by the fellow's name. */
export function activePairsOfCohort(manager: EntityManager, cohortId: string): Promise<ActivePairRow[]> {
  return runQuery(
    manager,
    typedSql
      .selectFrom('pairings as p')
      .innerJoin('fellows_v as f', 'f.id', 'p.fellow_id')
      .innerJoin('user_contacts_v as u', 'u.id', 'p.mentor_id')
      .select([
        'p.id',
        'p.fellow_id',
        'f.full_name as fellow_name',
        'p.mentor_id',
        'u.full_name as mentor_name',
        'p.score',
        'p.reasons',
        'p.created_at',
      ])
      .where('p.cohort_id', '=', cohortId)
      .where('p.status', '=', 'active')
      .orderBy('f.full_name')
      .orderBy('p.id')
      .$castTo<ActivePairRow>(),
  );
}

/** The fellows of a cohort in an active pair. */
export async function pairedFellowIds(manager: EntityManager, cohortId: string): Promise<string[]> {
  const rows = await runQuery(
    manager,
    typedSql
      .selectFrom('pairings')
      .select('fellow_id')
      .where('cohort_id', '=', cohortId)
      .where('status', '=', 'active'),
  );
  return rows.map((r) => r.fellow_id);
}

/** Which of these accounts have a mentor profile. */
export async function mentorIdsAmong(manager: EntityManager, ids: string[]): Promise<string[]> {
  const rows = await runQuery(
    manager,
    typedSql
      .selectFrom('mentor_profiles')
      .select('user_id')
      .where((eb) => eb('user_id', '=', eb.fn.any(eb.val(ids)))),
  );
  return rows.map((r) => r.user_id);
}

/**
 * The active mentors available for a programme year starting on `startDate` (YYYY-MM-DD) and lasting
 * `months`, with how many fellows each mentors now, by name.
 */
export function availableMentors(manager: EntityManager, startDate: string, months: number): Promise<MentorRow[]> {
  return runQuery(
    manager,
    typedSql
      .selectFrom('mentor_profiles as m')
      .innerJoin('user_contacts_v as u', 'u.id', 'm.user_id')
      .select((eb) => [
        'm.user_id as id',
        'u.full_name',
        'u.email',
        'u.language',
        'm.organisation',
        'm.sectors',
        'm.expertise',
        'm.languages',
        'm.city',
        'm.time_zone',
        'm.capacity',
        eb
          .selectFrom('pairings as p')
          .select(sql<number>`count(*)::int`.as('n'))
          .whereRef('p.mentor_id', '=', 'm.user_id')
          .where('p.status', '=', 'active')
          .$asScalar()
          .as('active_pairs'),
      ])
      .where('m.active', '=', true)
      .where((eb) =>
        eb.or([eb('m.available_to', 'is', null), eb('m.available_to', '>=', sql<Date>`${startDate}::date`)]),
      )
      .where((eb) =>
        eb.or([
          eb('m.available_from', 'is', null),
          eb('m.available_from', '<=', sql<Date>`(${startDate}::date + make_interval(months => ${months}::int))::date`),
        ]),
      )
      .orderBy('u.full_name')
      .orderBy('m.user_id')
      .$castTo<MentorRow>(),
  );
}

/** The declared conflicts of these fellows. */
export function conflictsOfFellows(
  manager: EntityManager,
  fellowIds: string[],
): Promise<Array<{ fellowId: string; mentorId: string }>> {
  return runQuery(
    manager,
    typedSql
      .selectFrom('mentor_conflicts')
      .select(['fellow_id as fellowId', 'mentor_id as mentorId'])
      .where((eb) => eb('fellow_id', '=', eb.fn.any(eb.val(fellowIds))))
      .orderBy('fellow_id')
      .orderBy('mentor_id'),
  );
}

/** Makes a run's pairs. */
export async function insertPairs(
  manager: EntityManager,
  cohortId: string,
  runId: string,
  pairs: StoredResult['pairs'],
): Promise<Array<{ id: string; fellow_id: string }>> {
  return runQuery(
    manager,
    typedSql
      .insertInto('pairings')
      .columns(['cohort_id', 'fellow_id', 'mentor_id', 'score', 'reasons', 'matching_run_id'])
      .expression(
        sql`SELECT ${cohortId}, p."fellowId", p."mentorId", p.score, p.reasons, ${runId}
              FROM jsonb_to_recordset(${JSON.stringify(pairs)}::jsonb)
                AS p("fellowId" uuid, "mentorId" uuid, score int, reasons jsonb)`,
      )
      .returning(['id', 'fellow_id']),
  );
}

export interface Contact {
  id: string;
  email: string;
  language: Language;
  full_name: string;
}

export function contactsOf(manager: EntityManager, ids: string[]): Promise<Contact[]> {
  return runQuery(
    manager,
    typedSql
      .selectFrom('user_contacts_v')
      .select(['id', 'email', 'language', 'full_name'])
      .where((eb) => eb('id', '=', eb.fn.any(eb.val(ids))))
      .$castTo<Contact>(),
  );
}
