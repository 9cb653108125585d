import { type RawBuilder, sql } from 'kysely';
import type { ProgressInput } from './progress';
import { milestoneStatus, relation } from './relations';

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

/**
 * A cohort's figures and one page of its fellows' ids, before any fellow is computed in full (issue 16):
 * the at-risk rules evaluated as plain aggregates over every fellow of the cohort (whether each flag holds,
 * never its reasons), summed for the whole cohort; only the page's fellows (by name; with "at-risk only",
 * those with a flag) then go through the progress statement, reasons and all. The rules read exactly as
 * the progress statement's `flagged` (test/reports/progress-pages.e2e-spec.ts checks the summary and the
 * at-risk pages against the flags of every fellow's full row):
 *   milestone_overdue     a milestone still owed and overdue more than `overdueDays` days;
 *   no_confirmed_session  an active pair, silent (last confirmed session, else the pairing) more than `silenceDays`;
 *   low_ratings           at least `count` ratings ≤ `atMost` among the last `amongLast` rated sessions;
 *   negative_feedback     a negative answer in either side's latest checkpoint feedback.
 * One row: the whole cohort's figures, `total` (the fellows listed: all, or the flagged ones) and the page's ids in order.
 */
export function progressSummaryStatement(
  { cohortIds, now, timeZone, rules, atRiskOnly }: ProgressInput,
  limit: number,
  offset: number,
): RawBuilder<ProgressSummaryRow> {
  const f = relation('fellows_v', 'f');
  const m = relation('milestones_v', 'm');
  const p = relation('pairings_v', 'p');
  const ap = relation('active_pairings_v', 'ap');
  const s = relation('mentoring_sessions_v', 's');
  const fa = relation('feedback_answers_v', 'fa');
  const c = relation('cohort_programme_v', 'c');
  const cohorts = sql`${cohortIds}::uuid[]`;
  const status = milestoneStatus(m, sql`t.d`);
  const listed = sql`(NOT ${atRiskOnly}::boolean OR flagged)`;
  return sql<ProgressSummaryRow>`
  WITH today AS (SELECT (${now}::timestamptz AT TIME ZONE ${timeZone})::date AS d),
  fs AS (
    SELECT ${f('id')} AS id, ${f('cohort_id')} AS cohort_id, ${f('full_name')} AS full_name
      FROM ${f.table}
     WHERE ${f('cohort_id')} = ANY(${cohorts}) AND ${f('status')} <> 'withdrawn'),
  ms AS (
    SELECT ${m('fellow_id')} AS fellow_id,
           count(*) FILTER (WHERE ${m('state')} <> 'waived' AND ${m('due_on')} <= t.d)::int AS due,
           count(*) FILTER (WHERE ${m('state')} = 'approved' AND ${m('due_on')} <= t.d)::int AS approved_due,
           count(*) FILTER (WHERE ${status} = 'overdue')::int AS overdue,
           bool_or(${m('state')} IN ('open', 'changes_requested') AND ${status} = 'overdue'
                   AND t.d - ${m('due_on')} > ${rules.milestoneOverdue.days}) AS late
      FROM ${m.table} JOIN fs ON fs.id = ${m('fellow_id')} CROSS JOIN today t
     GROUP BY ${m('fellow_id')}),
  pairs AS (
    SELECT ${p('id')} AS id, ${p('fellow_id')} AS fellow_id, fs.cohort_id FROM ${p.table} JOIN fs ON fs.id = ${p('fellow_id')}
     WHERE ${p('cohort_id')} = ANY(${cohorts})),
  active AS (
    SELECT ${ap('fellow_id')} AS fellow_id, min(${ap('created_at')}) AS paired_at
      FROM ${ap.table} JOIN fs ON fs.id = ${ap('fellow_id')}
     WHERE ${ap('cohort_id')} = ANY(${cohorts})
     GROUP BY ${ap('fellow_id')}),
  -- Sessions aggregated straight from the join (no materialized copy of every session read twice).
  ss AS (
    SELECT pairs.fellow_id,
           count(*) FILTER (WHERE ${s('confirmed_at')} IS NOT NULL)::int AS confirmed,
           max(${s('held_at')}) FILTER (WHERE ${s('confirmed_at')} IS NOT NULL) AS last_confirmed_at
      FROM ${s.table} JOIN pairs ON pairs.id = ${s('pairing_id')}
     GROUP BY pairs.fellow_id),
  -- "The last N rated" as the progress statement takes them: each pair's last N from its sessions'
  -- index, then those few ranked per fellow (never a sort of every rated session).
  rated AS (
    SELECT pairs.fellow_id, r.rating,
           row_number() OVER (PARTITION BY pairs.fellow_id ORDER BY r.held_at DESC, r.id) AS n
      FROM pairs CROSS JOIN LATERAL (
        SELECT ${s('id')} AS id, ${s('held_at')} AS held_at, ${s('rating')} AS rating
          FROM ${s.table}
         WHERE ${s('pairing_id')} = pairs.id AND ${s('rating')} IS NOT NULL
         ORDER BY ${s('held_at')} DESC, ${s('id')}
         LIMIT ${rules.lowRatings.amongLast}) r),
  low AS (
    SELECT fellow_id FROM rated
     WHERE n <= ${rules.lowRatings.amongLast} AND rating <= ${rules.lowRatings.atMost}
     GROUP BY fellow_id HAVING count(*) >= ${rules.lowRatings.count}),
  latest AS (
    SELECT DISTINCT ON (pairs.fellow_id, ${fa('author_role')}) pairs.fellow_id, pairs.cohort_id,
           ${fa('checkpoint')} AS checkpoint, ${fa('answers')} AS answers
      FROM ${fa.table} JOIN pairs ON pairs.id = ${fa('pairing_id')}
     ORDER BY pairs.fellow_id, ${fa('author_role')}, ${fa('created_at')} DESC, ${fa('id')}),
  -- A handful of rows, materialized so that the latest answers meet them in one hash join (not a
  -- jsonb expansion per answer): a third of this query's time at 800 fellows.
  questions AS MATERIALIZED (
    SELECT ${c('id')} AS cohort_id, cp ->> 'code' AS checkpoint, q.code, q.kind
      FROM ${c.table}
     CROSS JOIN LATERAL jsonb_array_elements(${c('feedback_checkpoints')}) AS cp
     CROSS JOIN LATERAL jsonb_to_recordset(cp -> 'questions') AS q(code text, kind text)
     WHERE ${c('id')} = ANY(${cohorts}) AND q.kind IN ('rating', 'yes_no')),
  -- The answers meet their own cohort's questions by the cohort carried from the pairing (joined
  -- through the fellows again, the planner merged 800 fellows × 6 questions against every answer).
  negative AS (
    SELECT DISTINCT l.fellow_id
      FROM latest l
      JOIN questions q ON q.cohort_id = l.cohort_id AND q.checkpoint = l.checkpoint
     WHERE (q.kind = 'rating' AND jsonb_typeof(l.answers -> q.code) = 'number'
            AND (l.answers ->> q.code)::numeric <= ${rules.negativeFeedback.ratingAtMost})
        OR (q.kind = 'yes_no' AND l.answers -> q.code = 'false'::jsonb)),
  measured AS (
    SELECT fs.id, fs.full_name, coalesce(ms.due, 0) AS due, coalesce(ms.approved_due, 0) AS approved_due,
           coalesce(ms.overdue, 0) AS overdue, coalesce(ss.confirmed, 0) AS confirmed,
           (coalesce(ms.late, false)
             OR (active.paired_at IS NOT NULL
                 AND t.d - (coalesce(ss.last_confirmed_at, active.paired_at) AT TIME ZONE ${timeZone})::date
                     > ${rules.noConfirmedSession.days})
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
         count(*) FILTER (WHERE ${listed})::int AS total,
         coalesce((SELECT array_agg(pg.id ORDER BY pg.full_name, pg.id)
                     FROM (SELECT id, full_name FROM measured WHERE ${listed}
                            ORDER BY full_name, id LIMIT ${limit} OFFSET ${offset}) pg), '{}') AS page_ids
    FROM measured`;
}
