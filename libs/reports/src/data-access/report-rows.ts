import { type RawBuilder, sql } from 'kysely';
import { milestoneStatus, programmeDay, relation } from './relations';

/** The on-demand "mentoring activity" report: every session of the cohort's pairs, by fellow and time. */
export function mentoringActivityStatement(cohortId: string, timeZone: string): RawBuilder<Record<string, unknown>> {
  const s = relation('mentoring_sessions_v', 's');
  const p = relation('pairings_v', 'p');
  const f = relation('fellows_v', 'f');
  const m = relation('user_contacts_v', 'm');
  return sql`
    SELECT ${f('full_name')} AS fellow, ${m('full_name')} AS mentor,
           to_char(${s('held_at')} AT TIME ZONE ${timeZone}, 'YYYY-MM-DD HH24:MI') AS held_at,
           ${s('duration_minutes')} AS duration_minutes, ${s('mode')} AS mode, ${s('topics')} AS topics,
           ${s('other_topic')} AS other_topic, ${s('confirmed_at')} IS NOT NULL AS confirmed, ${s('rating')} AS rating
      FROM ${s.table} JOIN ${p.table} ON ${p('id')} = ${s('pairing_id')}
      JOIN ${f.table} ON ${f('id')} = ${p('fellow_id')} JOIN ${m.table} ON ${m('id')} = ${p('mentor_id')}
     WHERE ${p('cohort_id')} = ${cohortId}
     ORDER BY ${f('full_name')}, ${s('held_at')}, ${s('id')}`;
}

/** The on-demand "milestone status" report: every milestone of the cohort's fellows with its status today. */
export function milestoneStatusStatement(cohortId: string, now: Date, timeZone: string): RawBuilder<Record<string, unknown>> {
  const m = relation('milestones_v', 'm');
  const f = relation('fellows_v', 'f');
  return sql`
    SELECT ${f('full_name')} AS fellow, ${m('code')} AS code, ${m('title')} AS title,
           to_char(${m('due_on')}, 'YYYY-MM-DD') AS due_on, ${m('state')} AS state,
           ${milestoneStatus(m, sql`t.d`)} AS status,
           to_char(${m('approved_at')} AT TIME ZONE ${timeZone}, 'YYYY-MM-DD') AS approved_on
      FROM ${m.table} JOIN ${f.table} ON ${f('id')} = ${m('fellow_id')} CROSS JOIN (SELECT ${programmeDay(now, timeZone)} AS d) t
     WHERE ${f('cohort_id')} = ${cohortId}
     ORDER BY ${f('full_name')}, ${m('position')}, ${m('id')}`;
}

/** The on-demand "selection outcome" report: the cohort's applications (drafts left out) and who became a fellow. */
export function selectionOutcomeStatement(cohortId: string, timeZone: string): RawBuilder<Record<string, unknown>> {
  const a = relation('application_summaries_v', 'a');
  const f = relation('fellows_v', 'f');
  return sql`
    SELECT ${a('full_name')} AS full_name, ${a('region')} AS region, ${a('sector')} AS sector, ${a('status')} AS status,
           to_char(${a('submitted_at')} AT TIME ZONE ${timeZone}, 'YYYY-MM-DD') AS submitted_on, ${f('id')} IS NOT NULL AS fellow
      FROM ${a.table} LEFT JOIN ${f.table} ON ${f('application_id')} = ${a('id')}
     WHERE ${a('cohort_id')} = ${cohortId} AND ${a('status')} <> 'draft'
     ORDER BY ${a('status')}, ${a('full_name')}, ${a('id')}`;
}
