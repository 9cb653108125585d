import { type RawBuilder, sql } from 'kysely';
import { relation } from './relations';

export interface CockpitRow {
  id: string;
  name: string;
  year: number;
  status: string;
  application_opens_at: Date;
  application_closes_at: Date;
  review_deadline: Date | null;
  programme_start: string;
  programme_end: string;
  applications_to_check: number;
  reviews_overdue: number;
  overdue_reviewers: Array<{ reviewerId: string; fullName: string; count: number }>;
  conflicts_to_decide: number;
  offers_expiring: number;
  placements_unconfirmed: number;
  pairs_silent: number;
  evidence_waiting: number;
  reports_ready: number;
}

export interface CockpitInput {
  now: Date;
  /** The caller, whose finished reports are counted. */
  userId: string;
  silentDays: number;
  offerWindowHours: number;
  reportDays: number;
}

/**
 * Every cohort's stage and dates, and what needs staff attention in it, in one statement (the at-risk
 * flags come from the progress statement). Each count is exactly what the page it links to lists:
 *   - applications submitted and not yet taken into review (the list filtered by status "submitted");
 *   - reviews overdue: assignments without a review once the round's deadline has passed, by reviewer
 *     (applications withdrawn or ruled ineligible left out);
 *   - reviewer conflicts detected or declared and not yet decided;
 *   - offers still pending whose deadline falls within the next `offerWindowHours`;
 *   - active fellows without a hub;
 *   - active pairs without a session (or since pairing) for `silentDays`, as the mentoring reminder counts;
 *   - evidence waiting for the staff side (the staff review queue);
 *   - the caller's reports finished within the last `reportDays`.
 */
export function cockpitStatement({ now, userId, silentDays, offerWindowHours, reportDays }: CockpitInput): RawBuilder<CockpitRow> {
  const app = relation('application_summaries_v', 'a');
  const ra = relation('open_review_assignments_v', 'ra');
  const u = relation('user_contacts_v', 'u');
  const rc = relation('pending_reviewer_conflicts_v', 'rc');
  const o = relation('offers_v', 'o');
  const af = relation('active_fellows_v', 'af');
  const p = relation('active_pairings_v', 'p');
  const s = relation('mentoring_sessions_v', 's');
  const e = relation('evidence_awaiting_staff_v', 'e');
  const f = relation('fellows_v', 'f');
  const rj = relation('report_jobs', 'rj');
  const c = relation('cohort_programme_v', 'c');
  const rr = relation('review_rounds_v', 'rr');
  const at = sql`${now}::timestamptz`;
  return sql<CockpitRow>`
  WITH apps AS (
    SELECT ${app('cohort_id')} AS cohort_id, count(*)::int AS n FROM ${app.table}
     WHERE ${app('status')} = 'submitted' GROUP BY ${app('cohort_id')}),
  overdue AS (
    SELECT ${ra('cohort_id')} AS cohort_id, ${ra('reviewer_id')} AS reviewer_id, ${u('full_name')} AS full_name, count(*)::int AS n
      FROM ${ra.table}
      JOIN ${u.table} ON ${u('id')} = ${ra('reviewer_id')}
     WHERE ${ra('review_deadline')} < ${at}
     GROUP BY ${ra('cohort_id')}, ${ra('reviewer_id')}, ${u('full_name')}),
  overdue_by_cohort AS (
    SELECT cohort_id, sum(n)::int AS n,
           jsonb_agg(jsonb_build_object('reviewerId', reviewer_id, 'fullName', full_name, 'count', n)
                     ORDER BY n DESC, full_name, reviewer_id) AS reviewers
      FROM overdue GROUP BY cohort_id),
  conflicts AS (
    SELECT ${rc('cohort_id')} AS cohort_id, count(*)::int AS n FROM ${rc.table} GROUP BY ${rc('cohort_id')}),
  expiring AS (
    SELECT ${o('cohort_id')} AS cohort_id, count(*)::int AS n FROM ${o.table}
     WHERE ${o('status')} = 'pending' AND ${o('expires_at')} > ${at}
       AND ${o('expires_at')} <= ${at} + make_interval(hours => ${offerWindowHours}::int)
     GROUP BY ${o('cohort_id')}),
  unplaced AS (
    SELECT ${af('cohort_id')} AS cohort_id, count(*)::int AS n FROM ${af.table}
     WHERE ${af('hub_id')} IS NULL GROUP BY ${af('cohort_id')}),
  silent AS (
    SELECT cohort_id, count(*)::int AS n FROM (
      SELECT ${p('cohort_id')} AS cohort_id FROM ${p.table} LEFT JOIN ${s.table} ON ${s('pairing_id')} = ${p('id')}
       GROUP BY ${p('id')}, ${p('cohort_id')}, ${p('created_at')}
      HAVING greatest(${p('created_at')}, max(${s('held_at')})) <= ${at} - make_interval(days => ${silentDays}::int)) x
     GROUP BY cohort_id),
  evidence AS (
    SELECT ${f('cohort_id')} AS cohort_id, count(*)::int AS n
      FROM ${e.table}
      JOIN ${f.table} ON ${f('id')} = ${e('fellow_id')}
     GROUP BY ${f('cohort_id')}),
  reports AS (
    SELECT ${rj('cohort_id')} AS cohort_id, count(*)::int AS n FROM ${rj.table}
     WHERE ${rj('requested_by')} = ${userId} AND ${rj('status')} = 'done'
       AND ${rj('finished_at')} > ${at} - make_interval(days => ${reportDays}::int)
     GROUP BY ${rj('cohort_id')})
  SELECT ${c('id')} AS id, ${c('name')} AS name, ${c('year')} AS year, ${c('status')} AS status,
         ${c('application_opens_at')} AS application_opens_at, ${c('application_closes_at')} AS application_closes_at,
         ${rr('review_deadline')} AS review_deadline,
         to_char(${c('programme_start_date')}, 'YYYY-MM-DD') AS programme_start,
         to_char(${c('programme_start_date')} + make_interval(months => ${c('track_months')}) - interval '1 day', 'YYYY-MM-DD') AS programme_end,
         coalesce(apps.n, 0) AS applications_to_check,
         coalesce(overdue_by_cohort.n, 0) AS reviews_overdue,
         coalesce(overdue_by_cohort.reviewers, '[]') AS overdue_reviewers,
         coalesce(conflicts.n, 0) AS conflicts_to_decide,
         coalesce(expiring.n, 0) AS offers_expiring,
         coalesce(unplaced.n, 0) AS placements_unconfirmed,
         coalesce(silent.n, 0) AS pairs_silent,
         coalesce(evidence.n, 0) AS evidence_waiting,
         coalesce(reports.n, 0) AS reports_ready
    FROM ${c.table}
    LEFT JOIN ${rr.table} ON ${rr('cohort_id')} = ${c('id')}
    LEFT JOIN apps ON apps.cohort_id = ${c('id')}
    LEFT JOIN overdue_by_cohort ON overdue_by_cohort.cohort_id = ${c('id')}
    LEFT JOIN conflicts ON conflicts.cohort_id = ${c('id')}
    LEFT JOIN expiring ON expiring.cohort_id = ${c('id')}
    LEFT JOIN unplaced ON unplaced.cohort_id = ${c('id')}
    LEFT JOIN silent ON silent.cohort_id = ${c('id')}
    LEFT JOIN evidence ON evidence.cohort_id = ${c('id')}
    LEFT JOIN reports ON reports.cohort_id = ${c('id')}
   ORDER BY ${c('year')} DESC, ${c('name')}, ${c('id')}`;
}
