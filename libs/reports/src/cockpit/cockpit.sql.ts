/**
 * Every cohort's stage and dates, and what needs staff attention in it, in one query (the at-risk
 * flags come from PROGRESS_SQL). Each count is exactly what the page it links to lists:
 *   - applications submitted and not yet taken into review (the list filtered by status "submitted");
 *   - reviews overdue: assignments without a review once the round's deadline has passed, by reviewer
 *     (applications withdrawn or ruled ineligible left out);
 *   - reviewer conflicts detected or declared and not yet decided;
 *   - offers still pending whose deadline falls within the next $4 hours;
 *   - active fellows without a hub;
 *   - active pairs without a session (or since pairing) for $3 days, as the mentoring reminder counts;
 *   - evidence waiting for the staff side (the staff review queue);
 *   - the caller's reports finished within the last $5 days.
 * $1 now · $2 the caller · $3 silence days · $4 offer window hours · $5 report days.
 */
export const COCKPIT_SQL = `
  WITH apps AS (
    SELECT cohort_id, count(*)::int AS n FROM application_summaries_v WHERE status = 'submitted' GROUP BY cohort_id),
  overdue AS (
    SELECT a.cohort_id, a.reviewer_id, u.full_name, count(*)::int AS n
      FROM open_review_assignments_v a
      JOIN user_contacts_v u ON u.id = a.reviewer_id
     WHERE a.review_deadline < $1
     GROUP BY a.cohort_id, a.reviewer_id, u.full_name),
  overdue_by_cohort AS (
    SELECT cohort_id, sum(n)::int AS n,
           jsonb_agg(jsonb_build_object('reviewerId', reviewer_id, 'fullName', full_name, 'count', n)
                     ORDER BY n DESC, full_name, reviewer_id) AS reviewers
      FROM overdue GROUP BY cohort_id),
  conflicts AS (
    SELECT cohort_id, count(*)::int AS n FROM pending_reviewer_conflicts_v GROUP BY cohort_id),
  expiring AS (
    SELECT cohort_id, count(*)::int AS n FROM offers_v
     WHERE status = 'pending' AND expires_at > $1 AND expires_at <= $1::timestamptz + make_interval(hours => $4)
     GROUP BY cohort_id),
  unplaced AS (
    SELECT cohort_id, count(*)::int AS n FROM active_fellows_v WHERE hub_id IS NULL GROUP BY cohort_id),
  silent AS (
    SELECT cohort_id, count(*)::int AS n FROM (
      SELECT p.cohort_id FROM active_pairings_v p LEFT JOIN mentoring_sessions_v s ON s.pairing_id = p.id
       GROUP BY p.id, p.cohort_id, p.created_at
      HAVING greatest(p.created_at, max(s.held_at)) <= $1::timestamptz - make_interval(days => $3)) x
     GROUP BY cohort_id),
  evidence AS (
    SELECT f.cohort_id, count(*)::int AS n
      FROM evidence_awaiting_staff_v e
      JOIN fellows_v f ON f.id = e.fellow_id
     GROUP BY f.cohort_id),
  reports AS (
    SELECT cohort_id, count(*)::int AS n FROM report_jobs
     WHERE requested_by = $2 AND status = 'done' AND finished_at > $1::timestamptz - make_interval(days => $5)
     GROUP BY cohort_id)
  SELECT c.id, c.name, c.year, c.status,
         c.application_opens_at, c.application_closes_at, rr.review_deadline,
         to_char(c.programme_start_date, 'YYYY-MM-DD') AS programme_start,
         to_char(c.programme_start_date + make_interval(months => c.track_months) - interval '1 day', 'YYYY-MM-DD') AS programme_end,
         coalesce(apps.n, 0) AS applications_to_check,
         coalesce(overdue_by_cohort.n, 0) AS reviews_overdue,
         coalesce(overdue_by_cohort.reviewers, '[]') AS overdue_reviewers,
         coalesce(conflicts.n, 0) AS conflicts_to_decide,
         coalesce(expiring.n, 0) AS offers_expiring,
         coalesce(unplaced.n, 0) AS placements_unconfirmed,
         coalesce(silent.n, 0) AS pairs_silent,
         coalesce(evidence.n, 0) AS evidence_waiting,
         coalesce(reports.n, 0) AS reports_ready
    FROM cohort_programme_v c
    LEFT JOIN review_rounds_v rr ON rr.cohort_id = c.id
    LEFT JOIN apps ON apps.cohort_id = c.id
    LEFT JOIN overdue_by_cohort ON overdue_by_cohort.cohort_id = c.id
    LEFT JOIN conflicts ON conflicts.cohort_id = c.id
    LEFT JOIN expiring ON expiring.cohort_id = c.id
    LEFT JOIN unplaced ON unplaced.cohort_id = c.id
    LEFT JOIN silent ON silent.cohort_id = c.id
    LEFT JOIN evidence ON evidence.cohort_id = c.id
    LEFT JOIN reports ON reports.cohort_id = c.id
   ORDER BY c.year DESC, c.name, c.id`;

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
