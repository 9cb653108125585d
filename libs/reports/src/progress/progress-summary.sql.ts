import { milestoneStatusSql } from '@vgbf/milestones';

const STATUS = milestoneStatusSql('m', 't.d');

/**
 * A cohort's figures and one page of its fellows' ids, before any fellow is computed in full (issue 16):
 * the at-risk rules evaluated as plain aggregates over every fellow of the cohort (whether each flag holds,
 * never its reasons), summed for the whole cohort; only the page's fellows (by name; with "at-risk only",
 * those with a flag) then go through PROGRESS_SQL, reasons and all. The rules read exactly as
 * PROGRESS_SQL's `flagged` (test/reports/progress-pages.e2e-spec.ts checks the summary and the at-risk
 * pages against the flags of every fellow's full row):
 *   milestone_overdue     a milestone still owed and overdue more than $4 days;
 *   no_confirmed_session  an active pair, silent (last confirmed session, else the pairing) more than $5 days;
 *   low_ratings           at least $7 ratings ≤ $6 among the last $8 rated sessions;
 *   negative_feedback     a negative answer in either side's latest checkpoint feedback.
 *
 *   PROGRESS_SQL's parameters ($1 cohort ids … $10 at-risk only, $11 only these fellows), then $12 page size · $13 offset.
 * One row: the whole cohort's figures, `total` (the fellows listed: all, or the flagged ones) and the page's ids in order.
 */
export const PROGRESS_SUMMARY_SQL = `
  WITH today AS (SELECT ($2::timestamptz AT TIME ZONE $3)::date AS d),
  fs AS (
    SELECT f.id, f.cohort_id, f.full_name
      FROM fellows_v f
     WHERE f.cohort_id = ANY($1::uuid[]) AND f.status <> 'withdrawn'
       AND ($11::uuid[] IS NULL OR f.id = ANY($11::uuid[]))),
  ms AS (
    SELECT m.fellow_id,
           count(*) FILTER (WHERE m.state <> 'waived' AND m.due_on <= t.d)::int AS due,
           count(*) FILTER (WHERE m.state = 'approved' AND m.due_on <= t.d)::int AS approved_due,
           count(*) FILTER (WHERE ${STATUS} = 'overdue')::int AS overdue,
           bool_or(m.state IN ('open', 'changes_requested') AND ${STATUS} = 'overdue' AND t.d - m.due_on > $4) AS late
      FROM milestones_v m JOIN fs ON fs.id = m.fellow_id CROSS JOIN today t
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
           max(held_at) FILTER (WHERE confirmed_at IS NOT NULL) AS last_confirmed_at
      FROM pair_sessions GROUP BY fellow_id),
  rated AS (
    SELECT fellow_id, rating, row_number() OVER (PARTITION BY fellow_id ORDER BY held_at DESC, id) AS n
      FROM pair_sessions WHERE rating IS NOT NULL),
  low AS (
    SELECT fellow_id FROM rated WHERE n <= $8 AND rating <= $6 GROUP BY fellow_id HAVING count(*) >= $7),
  latest AS (
    SELECT DISTINCT ON (pairs.fellow_id, fa.author_role) pairs.fellow_id, fa.checkpoint, fa.answers
      FROM feedback_answers_v fa JOIN pairs ON pairs.id = fa.pairing_id
     ORDER BY pairs.fellow_id, fa.author_role, fa.created_at DESC, fa.id),
  -- A handful of rows, materialized so that the latest answers meet them in one hash join (not a
  -- jsonb expansion per answer): a third of this query's time at 800 fellows.
  questions AS MATERIALIZED (
    SELECT c.id AS cohort_id, cp ->> 'code' AS checkpoint, q.code, q.kind
      FROM cohort_programme_v c
     CROSS JOIN LATERAL jsonb_array_elements(c.feedback_checkpoints) AS cp
     CROSS JOIN LATERAL jsonb_to_recordset(cp -> 'questions') AS q(code text, kind text)
     WHERE c.id = ANY($1::uuid[]) AND q.kind IN ('rating', 'yes_no')),
  negative AS (
    SELECT DISTINCT l.fellow_id
      FROM latest l
      JOIN fs ON fs.id = l.fellow_id
      JOIN questions q ON q.cohort_id = fs.cohort_id AND q.checkpoint = l.checkpoint
     WHERE (q.kind = 'rating' AND jsonb_typeof(l.answers -> q.code) = 'number' AND (l.answers ->> q.code)::numeric <= $9)
        OR (q.kind = 'yes_no' AND l.answers -> q.code = 'false'::jsonb)),
  measured AS (
    SELECT fs.id, fs.full_name, coalesce(ms.due, 0) AS due, coalesce(ms.approved_due, 0) AS approved_due,
           coalesce(ms.overdue, 0) AS overdue, coalesce(ss.confirmed, 0) AS confirmed,
           (coalesce(ms.late, false)
             OR (active.paired_at IS NOT NULL
                 AND t.d - (coalesce(ss.last_confirmed_at, active.paired_at) AT TIME ZONE $3)::date > $5)
             OR low.fellow_id IS NOT NULL
             OR negative.fellow_id IS NOT NULL) AS flagged
      FROM fs CROSS JOIN today t
      LEFT JOIN ms ON ms.fellow_id = fs.id
      LEFT JOIN ss ON ss.fellow_id = fs.id
      LEFT JOIN active ON active.fellow_id = fs.id
      LEFT JOIN low ON low.fellow_id = fs.id
      LEFT JOIN negative ON negative.fellow_id = fs.id)
  SELECT (SELECT to_char(d, 'YYYY-MM-DD') FROM today) AS today,
         count(*)::int AS fellows,
         count(*) FILTER (WHERE flagged)::int AS at_risk,
         coalesce(sum(due), 0)::int AS due,
         coalesce(sum(approved_due), 0)::int AS approved_due,
         coalesce(sum(overdue), 0)::int AS overdue,
         coalesce(sum(confirmed), 0)::int AS confirmed_sessions,
         count(*) FILTER (WHERE NOT $10 OR flagged)::int AS total,
         coalesce((SELECT array_agg(p.id ORDER BY p.full_name, p.id)
                     FROM (SELECT id, full_name FROM measured WHERE NOT $10 OR flagged
                            ORDER BY full_name, id LIMIT $12 OFFSET $13) p), '{}') AS page_ids
    FROM measured`;

export interface ProgressSummaryRow {
  today: string;
  fellows: number;
  at_risk: number;
  due: number;
  approved_due: number;
  overdue: number;
  confirmed_sessions: number;
  /** The fellows listed: every fellow, or with "at-risk only" the flagged ones. */
  total: number;
  /** The page's fellows, by name. */
  page_ids: string[];
}
