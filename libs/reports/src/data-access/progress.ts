import { type RawBuilder, sql } from 'kysely';
import type { AtRiskConfig, AtRiskRule } from '../progress/at-risk-rules';
import { milestoneStatus, relation } from './relations';

/** What PROGRESS reads besides the cohorts: the rules' figures and the moment (from the Clock). */
export interface ProgressInput {
  cohortIds: string[];
  now: Date;
  timeZone: string;
  rules: AtRiskConfig;
  /** Only the fellows with at least one flag. */
  atRiskOnly: boolean;
  /** Only these fellows of those cohorts (a page chosen by the summary statement); all when absent. */
  fellowIds?: string[];
}

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

/**
 * Progress and at-risk flags of every fellow (not withdrawn) of the given cohorts, in one statement:
 * milestones, sessions, ratings and the latest feedback aggregated once per fellow, the rules applied
 * to those aggregates, each flag with its reasons. "Today" is the calendar day in the programme time zone.
 * Feedback is judged against the questions of each fellow's cohort's own checkpoints.
 * Percent approved = approved milestones due by today / milestones due by today (waived ones left out).
 *
 * Its cost grows with the fellows read, not with the cohorts asked for (the reports bench: 20 cohorts at
 * once): sessions are aggregated straight from the join (no materialised copy of every session, no sort
 * of them all); "the last N rated" takes each pair's last N from its sessions' index, then ranks those few
 * per fellow; a fellow's latest answers meet their own cohort's questions (carried from the pairing),
 * expanded once (MATERIALIZED), never every cohort's questions.
 */
export function progressStatement({
  cohortIds,
  now,
  timeZone,
  rules,
  atRiskOnly,
  fellowIds,
}: ProgressInput): RawBuilder<ProgressRow> {
  const f = relation('fellows_v', 'f');
  const h = relation('hubs_v', 'h');
  const m = relation('milestones_v', 'm');
  const p = relation('pairings_v', 'p');
  const ap = relation('active_pairings_v', 'ap');
  const s = relation('mentoring_sessions_v', 's');
  const fa = relation('feedback_answers_v', 'fa');
  const c = relation('cohort_programme_v', 'c');
  const a = relation('at_risk_acknowledgements', 'a');
  const today = sql`t.d`;
  const cohorts = sql`${cohortIds}::uuid[]`;
  return sql<ProgressRow>`
  WITH today AS (SELECT (${now}::timestamptz AT TIME ZONE ${timeZone})::date AS d),
  fs AS (
    SELECT ${f('id')} AS id, ${f('cohort_id')} AS cohort_id, ${f('full_name')} AS full_name, ${f('status')} AS status,
           ${h('name')} AS hub, ${h('code')} AS hub_code
      FROM ${f.table} LEFT JOIN ${h.table} ON ${h('id')} = ${f('hub_id')}
     WHERE ${fellowIds ? sql`${f('id')} = ANY(${fellowIds}::uuid[])` : sql`${f('cohort_id')} = ANY(${cohorts})`}
       AND ${f('status')} <> 'withdrawn'),
  ms AS (
    SELECT ${m('fellow_id')} AS fellow_id,
           count(*) FILTER (WHERE ${m('state')} <> 'waived')::int AS milestones,
           count(*) FILTER (WHERE ${m('state')} <> 'waived' AND ${m('due_on')} <= t.d)::int AS due,
           count(*) FILTER (WHERE ${m('state')} = 'approved' AND ${m('due_on')} <= t.d)::int AS approved_due,
           count(*) FILTER (WHERE ${m('state')} = 'approved')::int AS approved,
           count(*) FILTER (WHERE ${milestoneStatus(m, today)} = 'overdue')::int AS overdue
      FROM ${m.table} JOIN fs ON fs.id = ${m('fellow_id')} CROSS JOIN today t
     GROUP BY ${m('fellow_id')}),
  late AS (
    SELECT ${m('fellow_id')} AS fellow_id,
           jsonb_agg(jsonb_build_object('milestoneId', ${m('id')}, 'code', ${m('code')}, 'title', ${m('title')},
                                        'dueOn', to_char(${m('due_on')}, 'YYYY-MM-DD'), 'daysOverdue', t.d - ${m('due_on')})
                     ORDER BY ${m('due_on')}, ${m('position')}) AS overdue_reasons
      FROM ${m.table} JOIN fs ON fs.id = ${m('fellow_id')} CROSS JOIN today t
     WHERE ${m('state')} IN ('open', 'changes_requested')
       AND ${milestoneStatus(m, today)} = 'overdue' AND t.d - ${m('due_on')} > ${rules.milestoneOverdue.days}
     GROUP BY ${m('fellow_id')}),
  pairs AS (
    SELECT ${p('id')} AS id, ${p('fellow_id')} AS fellow_id, fs.cohort_id
      FROM ${p.table} JOIN fs ON fs.id = ${p('fellow_id')}
     WHERE ${p('cohort_id')} = ANY(${cohorts})),
  active AS (
    SELECT ${ap('fellow_id')} AS fellow_id, min(${ap('created_at')}) AS paired_at
      FROM ${ap.table} JOIN fs ON fs.id = ${ap('fellow_id')}
     WHERE ${ap('cohort_id')} = ANY(${cohorts})
     GROUP BY ${ap('fellow_id')}),
  ss AS (
    SELECT pairs.fellow_id,
           count(*) FILTER (WHERE ${s('confirmed_at')} IS NOT NULL)::int AS confirmed,
           max(${s('held_at')}) FILTER (WHERE ${s('confirmed_at')} IS NOT NULL) AS last_confirmed_at,
           round(avg(${s('rating')}), 2)::float8 AS average_rating
      FROM ${s.table} JOIN pairs ON pairs.id = ${s('pairing_id')}
     GROUP BY pairs.fellow_id),
  rated AS (
    SELECT pairs.fellow_id, r.id, r.held_at, r.rating,
           row_number() OVER (PARTITION BY pairs.fellow_id ORDER BY r.held_at DESC, r.id) AS n
      FROM pairs CROSS JOIN LATERAL (
        SELECT ${s('id')} AS id, ${s('held_at')} AS held_at, ${s('rating')} AS rating
          FROM ${s.table}
         WHERE ${s('pairing_id')} = pairs.id AND ${s('rating')} IS NOT NULL
         ORDER BY ${s('held_at')} DESC, ${s('id')}
         LIMIT ${rules.lowRatings.amongLast}) r),
  low AS (
    SELECT fellow_id, count(*)::int AS low_count,
           jsonb_agg(jsonb_build_object('sessionId', id, 'heldAt', held_at, 'rating', rating) ORDER BY held_at DESC, id) AS ratings
      FROM rated WHERE n <= ${rules.lowRatings.amongLast} AND rating <= ${rules.lowRatings.atMost}
     GROUP BY fellow_id),
  latest AS (
    SELECT DISTINCT ON (pairs.fellow_id, ${fa('author_role')})
           pairs.fellow_id, pairs.cohort_id, ${fa('author_role')} AS author_role, ${fa('checkpoint')} AS checkpoint,
           ${fa('answers')} AS answers, ${fa('created_at')} AS created_at
      FROM ${fa.table} JOIN pairs ON pairs.id = ${fa('pairing_id')}
     ORDER BY pairs.fellow_id, ${fa('author_role')}, ${fa('created_at')} DESC, ${fa('id')}),
  feedback AS (
    SELECT fellow_id,
           jsonb_object_agg(author_role, jsonb_build_object('checkpoint', checkpoint, 'answers', answers, 'answeredAt', created_at)) AS latest
      FROM latest GROUP BY fellow_id),
  questions AS MATERIALIZED (
    SELECT ${c('id')} AS cohort_id, cp ->> 'code' AS checkpoint, cp -> 'title' AS checkpoint_title, q.code, q.kind, q.title
      FROM ${c.table}
     CROSS JOIN LATERAL jsonb_array_elements(${c('feedback_checkpoints')}) AS cp
     CROSS JOIN LATERAL jsonb_to_recordset(cp -> 'questions') AS q(code text, kind text, title jsonb)
     WHERE ${c('id')} = ANY(${cohorts}) AND q.kind IN ('rating', 'yes_no')),
  negative AS (
    SELECT l.fellow_id,
           jsonb_agg(jsonb_build_object('authorRole', l.author_role, 'checkpoint', l.checkpoint, 'question', q.code,
                                        'kind', q.kind, 'answer', l.answers -> q.code, 'title', q.title,
                                        'checkpointTitle', q.checkpoint_title) ORDER BY l.author_role, q.code) AS answers
      FROM latest l
      JOIN questions q ON q.cohort_id = l.cohort_id AND q.checkpoint = l.checkpoint
     WHERE (q.kind = 'rating' AND jsonb_typeof(l.answers -> q.code) = 'number'
            AND (l.answers ->> q.code)::numeric <= ${rules.negativeFeedback.ratingAtMost})
        OR (q.kind = 'yes_no' AND l.answers -> q.code = 'false'::jsonb)
     GROUP BY l.fellow_id),
  -- The seven per-fellow aggregates meet the fellows in two joins of four (base, then measured): as one
  -- join of nine relations the planner searched its orders for longer than the statement then ran
  -- (17–27 ms of planning for a page of 25 fellows of the scale bench's ×20 cohort, 6 ms fenced).
  base AS MATERIALIZED (
    SELECT fs.*, ms.*, late.overdue_reasons, ss.confirmed, ss.last_confirmed_at, ss.average_rating, active.paired_at
      FROM fs
      LEFT JOIN ms ON ms.fellow_id = fs.id
      LEFT JOIN late ON late.fellow_id = fs.id
      LEFT JOIN ss ON ss.fellow_id = fs.id
      LEFT JOIN active ON active.fellow_id = fs.id),
  measured AS (
    SELECT b.*, t.d AS today,
           t.d - (b.last_confirmed_at AT TIME ZONE ${timeZone})::date AS days_since_session,
           t.d - (coalesce(b.last_confirmed_at, b.paired_at) AT TIME ZONE ${timeZone})::date AS silent_days,
           low.low_count, low.ratings AS low_ratings, negative.answers AS negative_answers, feedback.latest AS latest_feedback
      FROM base b CROSS JOIN today t
      LEFT JOIN low ON low.fellow_id = b.id
      LEFT JOIN negative ON negative.fellow_id = b.id
      LEFT JOIN feedback ON feedback.fellow_id = b.id),
  flagged AS (
    SELECT x.*,
           (SELECT coalesce(jsonb_agg(fl.flag ORDER BY fl.ord), '[]')
              FROM (VALUES
                (1, CASE WHEN jsonb_array_length(coalesce(x.overdue_reasons, '[]')) > 0
                         THEN jsonb_build_object('rule', 'milestone_overdue', 'reasons', x.overdue_reasons) END),
                (2, CASE WHEN x.paired_at IS NOT NULL AND x.silent_days > ${rules.noConfirmedSession.days}
                         THEN jsonb_build_object('rule', 'no_confirmed_session', 'reasons', jsonb_build_array(
                                jsonb_build_object('days', x.silent_days, 'lastConfirmedAt', x.last_confirmed_at,
                                                   'pairedAt', x.paired_at))) END),
                (3, CASE WHEN x.low_count >= ${rules.lowRatings.count}
                         THEN jsonb_build_object('rule', 'low_ratings', 'reasons', x.low_ratings) END),
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
         coalesce((SELECT jsonb_object_agg(${a('rule')}, jsonb_build_object('note', ${a('note')}, 'acknowledgedBy', ${a('acknowledged_by')},
                                                                      'acknowledgedAt', ${a('created_at')}))
                     FROM ${a.table} WHERE ${a('fellow_id')} = f.id), '{}') AS acknowledgements
    FROM flagged f
   WHERE NOT ${atRiskOnly}::boolean OR jsonb_array_length(f.flags) > 0
   ORDER BY f.cohort_id, f.full_name, f.id`;
}
