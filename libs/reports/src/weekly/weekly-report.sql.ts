import { milestoneStatusSql } from '@vgbf/milestones';

/** Days ahead the weekly report lists milestones falling due. */
export const UPCOMING_DAYS = 14;

/**
 * The weekly report's figures besides progress, in one query: sessions held in the 7 days before
 * $2 (now), per pair and in total, and the milestones falling due in the next 14 days.
 * $1 cohort · $2 now · $3 time zone.
 */
export const WEEKLY_SQL = `
  WITH today AS (SELECT ($2::timestamptz AT TIME ZONE $3)::date AS d),
  pair_stats AS (
    SELECT p.id, f.full_name AS fellow, m.full_name AS mentor,
           count(s.id) FILTER (WHERE s.held_at > $2::timestamptz - interval '7 days' AND s.held_at <= $2)::int AS last_week,
           count(s.id) FILTER (WHERE s.held_at > $2::timestamptz - interval '7 days' AND s.held_at <= $2
                                 AND s.confirmed_at IS NOT NULL)::int AS confirmed_last_week,
           count(s.id)::int AS total, count(s.id) FILTER (WHERE s.confirmed_at IS NOT NULL)::int AS confirmed,
           to_char(max(s.held_at) AT TIME ZONE $3, 'YYYY-MM-DD') AS last_held_on
      FROM active_pairings_v p JOIN fellows_v f ON f.id = p.fellow_id JOIN user_contacts_v m ON m.id = p.mentor_id
      LEFT JOIN mentoring_sessions_v s ON s.pairing_id = p.id
     WHERE p.cohort_id = $1
     GROUP BY p.id, f.full_name, m.full_name)
  SELECT
    (SELECT coalesce(sum(last_week), 0)::int FROM pair_stats) AS sessions_last_week,
    (SELECT coalesce(sum(confirmed_last_week), 0)::int FROM pair_stats) AS confirmed_last_week,
    (SELECT coalesce(jsonb_agg(jsonb_build_object('fellow', fellow, 'mentor', mentor, 'lastWeek', last_week,
                                                  'total', total, 'confirmed', confirmed, 'lastHeldOn', last_held_on)
                               ORDER BY fellow, id), '[]') FROM pair_stats) AS sessions,
    (SELECT coalesce(jsonb_agg(jsonb_build_object('fellow', f.full_name, 'code', m.code, 'title', m.title,
                                                  'dueOn', to_char(m.due_on, 'YYYY-MM-DD'),
                                                  'status', ${milestoneStatusSql('m', 't.d')})
                               ORDER BY m.due_on, f.full_name, m.code), '[]')
       FROM milestones_v m JOIN fellows_v f ON f.id = m.fellow_id CROSS JOIN today t
      WHERE f.cohort_id = $1 AND f.status <> 'withdrawn' AND m.state IN ('open', 'changes_requested')
        AND m.due_on BETWEEN t.d AND t.d + ${UPCOMING_DAYS}) AS upcoming`;

export interface WeeklyRow {
  sessions_last_week: number;
  confirmed_last_week: number;
  sessions: Array<{ fellow: string; mentor: string; lastWeek: number; total: number; confirmed: number; lastHeldOn: string | null }>;
  upcoming: Array<{ fellow: string; code: string; title: { vi: string; en: string }; dueOn: string; status: string }>;
}
