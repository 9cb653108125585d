import type { AtRiskConfig, AtRiskRule } from './at-risk-rules';
import { milestoneStatusSql } from '@vgbf/milestones';

/**
 * Progress and at-risk flags of every fellow (not withdrawn) of the given cohorts, in one query:
 * milestones, sessions, ratings and the latest feedback aggregated once per fellow, the rules applied
 * to those aggregates, each flag with its reasons. "Today" is the calendar day in the programme time zone.
 *
 *   $1 cohort ids · $2 now · $3 time zone
 *   $4 overdue days · $5 silence days · $6 low rating (≤) · $7 low count · $8 among last N
 *   $9 negative feedback rating (≤) · $10 at-risk fellows only · $11 only these fellows of those cohorts (null: all)
 * Feedback is judged against the questions of each fellow's cohort's own checkpoints.
 *
 * Percent approved = approved milestones due by today / milestones due by today (waived ones left out).
 */
export const PROGRESS_SQL = `
  WITH today AS (SELECT ($2::timestamptz AT TIME ZONE $3)::date AS d),
  fs AS (
    SELECT f.id, f.cohort_id, f.full_name, f.status, h.name AS hub, h.code AS hub_code
      FROM fellows_v f LEFT JOIN hubs_v h ON h.id = f.hub_id
     WHERE f.status <> 'withdrawn'
       -- A page's fellows by id alone (chosen from these cohorts by PROGRESS_SUMMARY_SQL): with the cohort
       -- condition as well the planner expects 1 row of 25, and nests every per-fellow aggregate in a loop.
       AND CASE WHEN $11::uuid[] IS NULL THEN f.cohort_id = ANY($1::uuid[]) ELSE f.id = ANY($11::uuid[]) END),
  ms AS (
    SELECT m.fellow_id,
           count(*) FILTER (WHERE m.state <> 'waived')::int AS milestones,
           count(*) FILTER (WHERE m.state <> 'waived' AND m.due_on <= t.d)::int AS due,
           count(*) FILTER (WHERE m.state = 'approved' AND m.due_on <= t.d)::int AS approved_due,
           count(*) FILTER (WHERE m.state = 'approved')::int AS approved,
           count(*) FILTER (WHERE ${milestoneStatusSql('m', 't.d')} = 'overdue')::int AS overdue
      FROM milestones_v m JOIN fs ON fs.id = m.fellow_id CROSS JOIN today t
     GROUP BY m.fellow_id),
  late AS (
    SELECT m.fellow_id,
           jsonb_agg(jsonb_build_object('milestoneId', m.id, 'code', m.code, 'title', m.title,
                                        'dueOn', to_char(m.due_on, 'YYYY-MM-DD'), 'daysOverdue', t.d - m.due_on)
                     ORDER BY m.due_on, m.position) AS overdue_reasons
      FROM milestones_v m JOIN fs ON fs.id = m.fellow_id CROSS JOIN today t
     WHERE m.state IN ('open', 'changes_requested')
       AND ${milestoneStatusSql('m', 't.d')} = 'overdue' AND t.d - m.due_on > $4
     GROUP BY m.fellow_id),
  pairs AS (
    SELECT p.id, p.fellow_id FROM pairings_v p JOIN fs ON fs.id = p.fellow_id
     WHERE p.cohort_id = ANY($1::uuid[])),
  active AS (
    SELECT p.fellow_id, min(p.created_at) AS paired_at
      FROM active_pairings_v p JOIN fs ON fs.id = p.fellow_id
     WHERE p.cohort_id = ANY($1::uuid[])
     GROUP BY p.fellow_id),
  pair_sessions AS (
    SELECT pairs.fellow_id, s.id, s.held_at, s.confirmed_at, s.rating
      FROM mentoring_sessions_v s JOIN pairs ON pairs.id = s.pairing_id),
  ss AS (
    SELECT fellow_id,
           count(*) FILTER (WHERE confirmed_at IS NOT NULL)::int AS confirmed,
           max(held_at) FILTER (WHERE confirmed_at IS NOT NULL) AS last_confirmed_at,
           round(avg(rating), 2)::float8 AS average_rating
      FROM pair_sessions GROUP BY fellow_id),
  rated AS (
    SELECT fellow_id, id, held_at, rating,
           row_number() OVER (PARTITION BY fellow_id ORDER BY held_at DESC, id) AS n
      FROM pair_sessions WHERE rating IS NOT NULL),
  low AS (
    SELECT fellow_id, count(*)::int AS low_count,
           jsonb_agg(jsonb_build_object('sessionId', id, 'heldAt', held_at, 'rating', rating) ORDER BY held_at DESC, id) AS ratings
      FROM rated WHERE n <= $8 AND rating <= $6
     GROUP BY fellow_id),
  latest AS (
    SELECT DISTINCT ON (pairs.fellow_id, fa.author_role)
           pairs.fellow_id, fa.author_role, fa.checkpoint, fa.answers, fa.created_at
      FROM feedback_answers_v fa JOIN pairs ON pairs.id = fa.pairing_id
     ORDER BY pairs.fellow_id, fa.author_role, fa.created_at DESC, fa.id),
  feedback AS (
    SELECT fellow_id,
           jsonb_object_agg(author_role, jsonb_build_object('checkpoint', checkpoint, 'answers', answers, 'answeredAt', created_at)) AS latest
      FROM latest GROUP BY fellow_id),
  questions AS (
    SELECT c.id AS cohort_id, cp ->> 'code' AS checkpoint, cp -> 'title' AS checkpoint_title, q.code, q.kind, q.title
      FROM cohort_programme_v c
     CROSS JOIN LATERAL jsonb_array_elements(c.feedback_checkpoints) AS cp
     CROSS JOIN LATERAL jsonb_to_recordset(cp -> 'questions') AS q(code text, kind text, title jsonb)
     WHERE c.id = ANY($1::uuid[]) AND q.kind IN ('rating', 'yes_no')),
  negative AS (
    SELECT l.fellow_id,
           jsonb_agg(jsonb_build_object('authorRole', l.author_role, 'checkpoint', l.checkpoint, 'question', q.code,
                                        'kind', q.kind, 'answer', l.answers -> q.code, 'title', q.title,
                                        'checkpointTitle', q.checkpoint_title) ORDER BY l.author_role, q.code) AS answers
      FROM latest l
      JOIN fs ON fs.id = l.fellow_id
      JOIN questions q ON q.cohort_id = fs.cohort_id AND q.checkpoint = l.checkpoint
     WHERE (q.kind = 'rating' AND jsonb_typeof(l.answers -> q.code) = 'number' AND (l.answers ->> q.code)::numeric <= $9)
        OR (q.kind = 'yes_no' AND l.answers -> q.code = 'false'::jsonb)
     GROUP BY l.fellow_id),
  measured AS (
    SELECT fs.*, t.d AS today, ms.*, late.overdue_reasons, ss.confirmed, ss.last_confirmed_at, ss.average_rating, active.paired_at,
           t.d - (ss.last_confirmed_at AT TIME ZONE $3)::date AS days_since_session,
           t.d - (coalesce(ss.last_confirmed_at, active.paired_at) AT TIME ZONE $3)::date AS silent_days,
           low.low_count, low.ratings AS low_ratings, negative.answers AS negative_answers, feedback.latest AS latest_feedback
      FROM fs CROSS JOIN today t
      LEFT JOIN ms ON ms.fellow_id = fs.id
      LEFT JOIN late ON late.fellow_id = fs.id
      LEFT JOIN ss ON ss.fellow_id = fs.id
      LEFT JOIN active ON active.fellow_id = fs.id
      LEFT JOIN low ON low.fellow_id = fs.id
      LEFT JOIN negative ON negative.fellow_id = fs.id
      LEFT JOIN feedback ON feedback.fellow_id = fs.id),
  flagged AS (
    SELECT x.*,
           (SELECT coalesce(jsonb_agg(fl.flag ORDER BY fl.ord), '[]')
              FROM (VALUES
                (1, CASE WHEN jsonb_array_length(coalesce(x.overdue_reasons, '[]')) > 0
                         THEN jsonb_build_object('rule', 'milestone_overdue', 'reasons', x.overdue_reasons) END),
                (2, CASE WHEN x.paired_at IS NOT NULL AND x.silent_days > $5
                         THEN jsonb_build_object('rule', 'no_confirmed_session', 'reasons', jsonb_build_array(
                                jsonb_build_object('days', x.silent_days, 'lastConfirmedAt', x.last_confirmed_at,
                                                   'pairedAt', x.paired_at))) END),
                (3, CASE WHEN x.low_count >= $7 THEN jsonb_build_object('rule', 'low_ratings', 'reasons', x.low_ratings) END),
                (4, CASE WHEN x.negative_answers IS NOT NULL
                         THEN jsonb_build_object('rule', 'negative_feedback', 'reasons', x.negative_answers) END)
              ) AS fl(ord, flag)
             WHERE fl.flag IS NOT NULL) AS flags
      FROM measured x)
  SELECT f.id AS fellow_id, f.cohort_id, f.full_name, f.hub, f.hub_code, to_char(f.today, 'YYYY-MM-DD') AS today,
         coalesce(f.milestones, 0) AS milestones, coalesce(f.due, 0) AS due, coalesce(f.approved_due, 0) AS approved_due,
         coalesce(f.approved, 0) AS approved, coalesce(f.overdue, 0) AS overdue,
         round(100.0 * f.approved_due / nullif(f.due, 0), 1)::float8 AS percent_approved,
         coalesce(f.confirmed, 0) AS confirmed_sessions, f.last_confirmed_at, f.days_since_session, f.average_rating,
         coalesce(f.latest_feedback, '{}') AS latest_feedback, f.flags,
         coalesce((SELECT jsonb_object_agg(a.rule, jsonb_build_object('note', a.note, 'acknowledgedBy', a.acknowledged_by,
                                                                      'acknowledgedAt', a.created_at))
                     FROM at_risk_acknowledgements a WHERE a.fellow_id = f.id), '{}') AS acknowledgements
    FROM flagged f
   WHERE NOT $10 OR jsonb_array_length(f.flags) > 0
   ORDER BY f.cohort_id, f.full_name, f.id`;

export interface ProgressRow {
  fellow_id: string;
  cohort_id: string;
  full_name: string;
  hub: string | null;
  /** The hub's code, for its name in the reader's language (template hubs). */
  hub_code: string | null;
  today: string;
  milestones: number;
  due: number;
  approved_due: number;
  approved: number;
  overdue: number;
  percent_approved: number | null;
  confirmed_sessions: number;
  last_confirmed_at: Date | null;
  days_since_session: number | null;
  average_rating: number | null;
  latest_feedback: Record<string, { checkpoint: string; answers: Record<string, unknown>; answeredAt: string }>;
  flags: Array<{ rule: AtRiskRule; reasons: Array<Record<string, unknown>> }>;
  acknowledgements: Record<string, { note: string; acknowledgedBy: string; acknowledgedAt: string }>;
}

/** The parameters of PROGRESS_SQL, in order. */
export const progressParams = (
  cohortIds: string[],
  now: Date,
  timeZone: string,
  rules: AtRiskConfig,
  atRiskOnly: boolean,
  fellowIds: string[] | null = null,
): unknown[] => [
  cohortIds,
  now,
  timeZone,
  rules.milestoneOverdue.days,
  rules.noConfirmedSession.days,
  rules.lowRatings.atMost,
  rules.lowRatings.count,
  rules.lowRatings.amongLast,
  rules.negativeFeedback.ratingAtMost,
  atRiskOnly,
  fellowIds,
];
