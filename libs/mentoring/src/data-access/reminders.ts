import { runQuery, typedSql } from '@vgbf/database';
import type { Language } from '@vgbf/identity';
import { sql } from 'kysely';
import type { EntityManager } from 'typeorm';

export type Person = { user_id: string; email: string; full_name: string; language: Language };

/**
 * Active pairs silent (no session since `since`, the later of the pairing and its last session, a
 * day in `timeZone`) for `days` days by `to`, with their mentor; by the mentor's email.
 */
export function silentPairs(
  manager: EntityManager,
  timeZone: string,
  days: number,
  to: string,
): Promise<Array<Person & { pairing_id: string; fellow_name: string; since: string }>> {
  return runQuery(
    manager,
    typedSql
      .with('silent', (db) =>
        db
          .selectFrom('pairings as p')
          .innerJoin('fellows_v as f', 'f.id', 'p.fellow_id')
          .leftJoin('mentoring_sessions as s', 's.pairing_id', 'p.id')
          .select([
            'p.id as pairing_id',
            'p.mentor_id',
            'f.full_name as fellow_name',
            sql<string>`to_char(greatest(${sql.ref('p.created_at')}, max(${sql.ref('s.held_at')})) AT TIME ZONE ${timeZone}, 'YYYY-MM-DD')`.as(
              'since',
            ),
          ])
          .where('p.status', '=', 'active')
          .groupBy(['p.id', 'f.full_name']),
      )
      .selectFrom('silent as si')
      .innerJoin('user_contacts_v as u', 'u.id', 'si.mentor_id')
      .select([
        'si.pairing_id',
        'si.fellow_name',
        'si.since',
        'u.id as user_id',
        'u.email',
        'u.full_name',
        'u.language',
      ])
      .where(sql<boolean>`${sql.ref('si.since')}::date + ${days}::int <= ${to}::date`)
      .orderBy('u.email')
      .orderBy('si.fellow_name')
      .$castTo<Person & { pairing_id: string; fellow_name: string; since: string }>(),
  );
}

/** Active pairs with sessions logged `days` days before `at` and still unconfirmed, with their fellow; by email. */
export function pairsWaitingForConfirmation(
  manager: EntityManager,
  at: Date,
  days: number,
): Promise<Array<Person & { pairing_id: string; mentor_name: string; pending: number }>> {
  return runQuery(
    manager,
    typedSql
      .selectFrom('mentoring_sessions as s')
      .innerJoin('pairings as p', (join) => join.onRef('p.id', '=', 's.pairing_id').on('p.status', '=', 'active'))
      .innerJoin('fellows_v as f', 'f.id', 'p.fellow_id')
      .innerJoin('user_contacts_v as u', 'u.id', 'f.user_id')
      .innerJoin('user_contacts_v as m', 'm.id', 'p.mentor_id')
      .select([
        'p.id as pairing_id',
        'u.id as user_id',
        'u.email',
        'u.full_name',
        'u.language',
        'm.full_name as mentor_name',
        sql<number>`count(*)::int`.as('pending'),
      ])
      .where('s.confirmed_at', 'is', null)
      .where('s.created_at', '<=', sql<Date>`${at}::timestamptz - make_interval(days => ${days})`)
      .groupBy(['p.id', 'u.id', 'u.email', 'u.full_name', 'u.language', 'm.full_name'])
      .orderBy('u.email')
      .$castTo<Person & { pairing_id: string; mentor_name: string; pending: number }>(),
  );
}

export type UpcomingRow = Person & {
  id: string;
  fellow_side: boolean;
  other_name: string;
  due_on: string;
  due_time: string;
  starts_at: string;
  minutes: number;
  mode: string;
  agenda: string;
};

/**
 * Planned sessions of active pairs starting after `after` on a day (in `timeZone`) from `from` to `to`,
 * once for each side; by email.
 */
export function upcomingSessions(
  manager: EntityManager,
  timeZone: string,
  after: Date | null,
  [from, to]: readonly [string, string],
): Promise<UpcomingRow[]> {
  const local = (format: string) =>
    sql<string>`to_char(${sql.ref('ps.starts_at')} AT TIME ZONE ${timeZone}, ${sql.lit(format)})`;
  return runQuery(
    manager,
    typedSql
      .selectFrom('planned_sessions as ps')
      .innerJoin('pairings as p', (join) => join.onRef('p.id', '=', 'ps.pairing_id').on('p.status', '=', 'active'))
      .innerJoin('fellows_v as f', 'f.id', 'p.fellow_id')
      .innerJoin('user_contacts_v as m', 'm.id', 'p.mentor_id')
      .innerJoin('user_contacts_v as u', (join) =>
        join.on((eb) => eb('u.id', 'in', [eb.ref('p.mentor_id'), eb.ref('f.user_id')])),
      )
      .select((eb) => [
        'ps.id',
        'u.id as user_id',
        'u.email',
        'u.full_name',
        'u.language',
        eb('u.id', '=', eb.ref('f.user_id')).as('fellow_side'),
        eb
          .case()
          .when('u.id', '=', eb.ref('p.mentor_id'))
          .then(eb.ref('f.full_name'))
          .else(eb.ref('m.full_name'))
          .end()
          .as('other_name'),
        local('YYYY-MM-DD').as('due_on'),
        local('HH24:MI').as('due_time'),
        local('YYYY-MM-DD HH24:MI').as('starts_at'),
        'ps.duration_minutes as minutes',
        'ps.mode',
        'ps.agenda',
      ])
      .where('ps.status', '=', 'planned')
      .where('ps.starts_at', '>', sql<Date>`coalesce(${after}::timestamptz, '-infinity')`)
      .where(
        sql<boolean>`(${sql.ref('ps.starts_at')} AT TIME ZONE ${timeZone})::date BETWEEN ${from}::date AND ${to}::date`,
      )
      .orderBy('u.email')
      .$castTo<UpcomingRow>(),
  );
}
