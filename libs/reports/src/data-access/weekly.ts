import { runQuery, typedSql } from '@vgbf/database';
import { type RawBuilder, sql } from 'kysely';
import type { EntityManager } from 'typeorm';
import { milestoneStatus, programmeDay, relation, statement } from './relations';

/** Days ahead the weekly report lists milestones falling due. */
export const UPCOMING_DAYS = 14;

export interface WeeklyRow {
  sessions_last_week: number;
  confirmed_last_week: number;
  sessions: Array<{ fellow: string; mentor: string; lastWeek: number; total: number; confirmed: number; lastHeldOn: string | null }>;
  upcoming: Array<{ fellow: string; code: string; title: { vi: string; en: string }; dueOn: string; status: string }>;
}

export type StaffLanguage = 'vi' | 'en';

export interface StaffRow {
  email: string;
  full_name: string;
  language: StaffLanguage;
}

/**
 * The weekly report's figures besides progress, in one statement: sessions held in the 7 days before
 * `now`, per pair and in total, and the milestones falling due in the next 14 days.
 */
export function weeklyStatement(cohortId: string, now: Date, timeZone: string): RawBuilder<WeeklyRow> {
  const p = relation('active_pairings_v', 'p');
  const f = relation('fellows_v', 'f');
  const u = relation('user_contacts_v', 'u');
  const s = relation('mentoring_sessions_v', 's');
  const m = relation('milestones_v', 'm');
  const today = programmeDay(now, timeZone);
  const lastWeek = sql`${s('held_at')} > ${now}::timestamptz - interval '7 days' AND ${s('held_at')} <= ${now}::timestamptz`;
  return sql<WeeklyRow>`
  WITH pair_stats AS (
    SELECT ${p('id')} AS id, ${f('full_name')} AS fellow, ${u('full_name')} AS mentor,
           count(${s('id')}) FILTER (WHERE ${lastWeek})::int AS last_week,
           count(${s('id')}) FILTER (WHERE ${lastWeek} AND ${s('confirmed_at')} IS NOT NULL)::int AS confirmed_last_week,
           count(${s('id')})::int AS total, count(${s('id')}) FILTER (WHERE ${s('confirmed_at')} IS NOT NULL)::int AS confirmed,
           to_char(max(${s('held_at')}) AT TIME ZONE ${timeZone}, 'YYYY-MM-DD') AS last_held_on
      FROM ${p.table} JOIN ${f.table} ON ${f('id')} = ${p('fellow_id')} JOIN ${u.table} ON ${u('id')} = ${p('mentor_id')}
      LEFT JOIN ${s.table} ON ${s('pairing_id')} = ${p('id')}
     WHERE ${p('cohort_id')} = ${cohortId}
     GROUP BY ${p('id')}, ${f('full_name')}, ${u('full_name')})
  SELECT
    (SELECT coalesce(sum(last_week), 0)::int FROM pair_stats) AS sessions_last_week,
    (SELECT coalesce(sum(confirmed_last_week), 0)::int FROM pair_stats) AS confirmed_last_week,
    (SELECT coalesce(jsonb_agg(jsonb_build_object('fellow', fellow, 'mentor', mentor, 'lastWeek', last_week,
                                                  'total', total, 'confirmed', confirmed, 'lastHeldOn', last_held_on)
                               ORDER BY fellow, id), '[]') FROM pair_stats) AS sessions,
    (SELECT coalesce(jsonb_agg(jsonb_build_object('fellow', x.fellow, 'code', x.code, 'title', x.title, 'dueOn', to_char(x.due_on, 'YYYY-MM-DD'),
                                                  'status', x.status)
                               ORDER BY x.due_on, x.fellow, x.code), '[]')
       FROM (SELECT ${f('full_name')} AS fellow, ${m('code')} AS code, ${m('title')} AS title, ${m('due_on')} AS due_on,
                    ${milestoneStatus(m, sql`t.d`)} AS status
               FROM ${m.table} JOIN ${f.table} ON ${f('id')} = ${m('fellow_id')} CROSS JOIN (SELECT ${today} AS d) t
              WHERE ${f('cohort_id')} = ${cohortId} AND ${f('status')} <> 'withdrawn'
                AND ${m('state')} IN ('open', 'changes_requested')
                AND ${m('due_on')} BETWEEN t.d AND t.d + ${UPCOMING_DAYS}::int) x) AS upcoming`;
}

/** The cohorts the weekly report covers: those running, by name. */
export function runningCohorts(manager: EntityManager): Promise<Array<{ id: string; name: string }>> {
  return runQuery(
    manager,
    typedSql
      .selectFrom('cohort_headers_v')
      .select(['id', 'name'])
      .where('status', '=', 'running')
      .orderBy('name')
      .$narrowType<{ id: string; name: string }>(),
  );
}

/** Every staff member's address, name and language, by email. */
export function staffContacts(manager: EntityManager): Promise<StaffRow[]> {
  return runQuery(
    manager,
    typedSql
      .selectFrom('user_contacts_v')
      .select(['email', 'full_name', 'language'])
      .where((eb) => sql<boolean>`'staff' = ANY(${eb.ref('roles')})`)
      .orderBy('email')
      .$castTo<StaffRow>(),
  );
}

/** Holds a transaction-scoped advisory lock on `key` until the caller's transaction ends. */
export async function lockForTransaction(manager: EntityManager, key: string): Promise<void> {
  await runQuery(manager, statement(sql`SELECT pg_advisory_xact_lock(hashtext(${key}))`));
}
