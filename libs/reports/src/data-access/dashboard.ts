import { type RawBuilder, sql } from 'kysely';
import { relation } from './relations';

export interface DashboardRow {
  funnel: {
    byStatus: Record<string, number>;
    started: number;
    submitted: number;
    reviewed: number;
    offered: number;
    accepted: number;
    fellows: number;
  };
  composition: Record<string, Array<{ key: string; fellows: number }>>;
  milestones_by_week: Array<{ week: string; due: number; approved: number }>;
  sessions_by_month: Array<{ month: string; sessions: number; confirmed: number; hours: number }>;
}

/**
 * A cohort's dashboard figures in one statement, one jsonb column per chart:
 *   - funnel: applications by status, and the stages each reached (submitted ⊇ reviewed ⊇ offered ⊇ accepted), fellows;
 *   - composition of the fellows (not withdrawn) by hub, region, sector, gender;
 *   - milestones per week (Monday), cumulative: due by the week's end vs approved by then (waived left out),
 *     in one pass: each milestone counted once in the week it fell due and once in the week it was approved,
 *     the weeks then summed in order (a window), never a count per week;
 *   - sessions per month (programme time zone): logged, confirmed, hours.
 * Only the cohort's own rows are read: its fellows and pairings by cohort, their milestones and sessions by
 * index (CohortReadIndexes), whatever the size of the other cohorts.
 */
export function dashboardStatement(cohortId: string, timeZone: string): RawBuilder<DashboardRow> {
  const f = relation('fellows_v', 'f');
  const h = relation('hubs_v', 'h');
  const m = relation('milestones_v', 'm');
  const a = relation('application_summaries_v', 'a');
  const s = relation('mentoring_sessions_v', 's');
  const p = relation('pairings_v', 'p');
  return sql<DashboardRow>`
  WITH fs AS (
    SELECT ${f('id')} AS id, ${f('region')} AS region, ${f('sector')} AS sector, ${f('gender')} AS gender, ${h('code')} AS hub
      FROM ${f.table} LEFT JOIN ${h.table} ON ${h('id')} = ${f('hub_id')}
     WHERE ${f('cohort_id')} = ${cohortId} AND ${f('status')} <> 'withdrawn'),
  ms AS (
    SELECT date_trunc('week', ${m('due_on')}::timestamp)::date AS due_week,
           CASE WHEN ${m('state')} = 'approved'
                THEN date_trunc('week', (${m('approved_at')} AT TIME ZONE ${timeZone})::date::timestamp)::date END AS approved_week
      FROM ${m.table} JOIN fs ON fs.id = ${m('fellow_id')}
     WHERE ${m('state')} <> 'waived'),
  by_week AS (
    SELECT b.week, sum(b.due)::int AS due, sum(b.approved)::int AS approved
      FROM ms CROSS JOIN LATERAL (VALUES (ms.due_week, 1, 0), (ms.approved_week, 0, 1)) AS b(week, due, approved)
     WHERE b.week IS NOT NULL
     GROUP BY b.week),
  weeks AS (
    SELECT w::date AS week
      FROM generate_series((SELECT min(week) FROM by_week WHERE due > 0), (SELECT max(week) FROM by_week), interval '1 week') AS w),
  series AS (
    SELECT w.week,
           (sum(coalesce(b.due, 0)) OVER (ORDER BY w.week))::int AS due,
           ((SELECT coalesce(sum(approved), 0) FROM by_week WHERE week < (SELECT min(week) FROM weeks))
             + sum(coalesce(b.approved, 0)) OVER (ORDER BY w.week))::int AS approved
      FROM weeks w LEFT JOIN by_week b ON b.week = w.week),
  composition AS (
    SELECT dimension, coalesce(key, 'unknown') AS key, count(*)::int AS fellows
      FROM fs CROSS JOIN LATERAL (VALUES ('hub', fs.hub), ('region', fs.region), ('sector', fs.sector), ('gender', fs.gender))
           AS d(dimension, key)
     GROUP BY dimension, coalesce(key, 'unknown')),
  month_sessions AS (
    SELECT date_trunc('month', ${s('held_at')} AT TIME ZONE ${timeZone}) AS month, ${s('confirmed_at')} AS confirmed_at,
           ${s('duration_minutes')} AS duration_minutes
      FROM ${s.table} JOIN ${p.table} ON ${p('id')} = ${s('pairing_id')}
     WHERE ${p('cohort_id')} = ${cohortId})
  SELECT
    (SELECT jsonb_build_object(
              'byStatus', coalesce(jsonb_object_agg(status, n), '{}'),
              'started', coalesce(sum(n), 0),
              'submitted', coalesce(sum(n) FILTER (WHERE status NOT IN ('draft')), 0),
              'reviewed', coalesce(sum(n) FILTER (WHERE status IN ('under_review', 'shortlisted', 'interviewed', 'offered',
                                                                   'waitlisted', 'rejected', 'accepted', 'declined')), 0),
              'offered', coalesce(sum(n) FILTER (WHERE status IN ('offered', 'accepted', 'declined')), 0),
              'accepted', coalesce(sum(n) FILTER (WHERE status = 'accepted'), 0),
              'fellows', (SELECT count(*) FROM fs))
       FROM (SELECT ${a('status')} AS status, count(*)::int AS n FROM ${a.table}
              WHERE ${a('cohort_id')} = ${cohortId} GROUP BY ${a('status')}) x) AS funnel,
    (SELECT coalesce(jsonb_object_agg(dimension, items), '{}')
       FROM (SELECT dimension, jsonb_agg(jsonb_build_object('key', key, 'fellows', fellows) ORDER BY fellows DESC, key) AS items
               FROM composition GROUP BY dimension) c) AS composition,
    (SELECT coalesce(jsonb_agg(jsonb_build_object('week', to_char(week, 'YYYY-MM-DD'), 'due', due, 'approved', approved)
                               ORDER BY week), '[]')
       FROM series) AS milestones_by_week,
    (SELECT coalesce(jsonb_agg(jsonb_build_object('month', to_char(month, 'YYYY-MM'), 'sessions', sessions, 'confirmed', confirmed,
                                                  'hours', round(minutes / 60.0, 2)) ORDER BY month), '[]')
       FROM (SELECT month, count(*)::int AS sessions, count(*) FILTER (WHERE confirmed_at IS NOT NULL)::int AS confirmed,
                    coalesce(sum(duration_minutes), 0) AS minutes
               FROM month_sessions GROUP BY month) x) AS sessions_by_month`;
}
