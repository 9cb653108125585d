/**
 * A cohort's dashboard figures in one query, one jsonb column per chart:
 *   - funnel: applications by status, and the stages each reached (submitted ⊇ reviewed ⊇ offered ⊇ accepted), fellows;
 *   - composition of the fellows (not withdrawn) by hub, region, sector, gender;
 *   - milestones per week (Monday), cumulative: due by the week's end vs approved by then (waived left out);
 *   - sessions per month (programme time zone): logged, confirmed, hours.
 * $1 cohort · $2 time zone.
 */
export const DASHBOARD_SQL = `
  WITH fs AS (
    SELECT f.id, f.region, f.sector, f.gender, h.code AS hub
      FROM fellows_v f LEFT JOIN hubs_v h ON h.id = f.hub_id
     WHERE f.cohort_id = $1 AND f.status <> 'withdrawn'),
  ms AS (
    SELECT m.due_on, (m.approved_at AT TIME ZONE $2)::date AS approved_on, m.state
      FROM milestones_v m JOIN fs ON fs.id = m.fellow_id WHERE m.state <> 'waived'),
  weeks AS (
    SELECT w::date AS week
      FROM generate_series((SELECT date_trunc('week', min(due_on)) FROM ms),
                           (SELECT date_trunc('week', max(greatest(due_on, coalesce(approved_on, due_on)))) FROM ms),
                           interval '1 week') AS w),
  composition AS (
    SELECT dimension, coalesce(key, 'unknown') AS key, count(*)::int AS fellows
      FROM fs CROSS JOIN LATERAL (VALUES ('hub', fs.hub), ('region', fs.region), ('sector', fs.sector), ('gender', fs.gender))
           AS d(dimension, key)
     GROUP BY dimension, coalesce(key, 'unknown'))
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
       FROM (SELECT status, count(*)::int AS n FROM application_summaries_v WHERE cohort_id = $1 GROUP BY status) a) AS funnel,
    (SELECT coalesce(jsonb_object_agg(dimension, items), '{}')
       FROM (SELECT dimension, jsonb_agg(jsonb_build_object('key', key, 'fellows', fellows) ORDER BY fellows DESC, key) AS items
               FROM composition GROUP BY dimension) c) AS composition,
    (SELECT coalesce(jsonb_agg(jsonb_build_object(
              'week', to_char(w.week, 'YYYY-MM-DD'),
              'due', (SELECT count(*) FROM ms WHERE ms.due_on <= w.week + 6),
              'approved', (SELECT count(*) FROM ms WHERE ms.state = 'approved' AND ms.approved_on <= w.week + 6))
            ORDER BY w.week), '[]')
       FROM weeks w) AS milestones_by_week,
    (SELECT coalesce(jsonb_agg(jsonb_build_object('month', month, 'sessions', sessions, 'confirmed', confirmed,
                                                  'hours', round(minutes / 60.0, 2)) ORDER BY month), '[]')
       FROM (SELECT to_char(s.held_at AT TIME ZONE $2, 'YYYY-MM') AS month, count(*)::int AS sessions,
                    count(*) FILTER (WHERE s.confirmed_at IS NOT NULL)::int AS confirmed,
                    coalesce(sum(s.duration_minutes), 0) AS minutes
               FROM mentoring_sessions_v s JOIN pairings_v p ON p.id = s.pairing_id
              WHERE p.cohort_id = $1
              GROUP BY 1) s) AS sessions_by_month`;

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
