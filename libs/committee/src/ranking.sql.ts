// The committee board's SQL, apart from the service so the benchmark times exactly the query the API runs.

/** Applications on the committee board: in review, or decided after it. */
export const BOARD_STATUSES = [
  'under_review',
  'shortlisted',
  'interviewed',
  'offered',
  'waitlisted',
  'accepted',
  'declined',
  'rejected',
] as const;

/**
 * Each review's weighted mean (stored with its scores), then per reviewer a z-score (cancelling lenient and harsh reviewers),
 * mapped back to 1–5 with the round's overall mean and standard deviation. A reviewer whose reviews
 * all score the same (or who wrote one) carries no relative information: z = 0, the overall mean.
 * $1 = cohort id.
 */
export const REVIEW_SCORES = `
  review_means AS (
    SELECT a.id AS assignment_id, a.application_id, a.reviewer_id, r.weighted_score AS mean
      FROM reviews r
      JOIN review_assignments a ON a.id = r.assignment_id
     WHERE r.cohort_id = $1 AND a.cohort_id = $1
  ),
  reviewer_stats AS (
    SELECT reviewer_id, avg(mean) AS mu, stddev_pop(mean) AS sigma FROM review_means GROUP BY reviewer_id
  ),
  overall AS (SELECT avg(mean) AS mu, coalesce(stddev_pop(mean), 0) AS sigma FROM review_means),
  review_scores AS (
    SELECT m.*,
           least(5, greatest(1, o.mu + o.sigma * CASE WHEN s.sigma > 0 THEN (m.mean - s.mu) / s.sigma ELSE 0 END))
             AS normalized
      FROM review_means m
      JOIN reviewer_stats s USING (reviewer_id)
     CROSS JOIN overall o
  )`;

/**
 * The board: one row per application on it, ranked by the chosen score (ties: raw score, then id).
 * $1 cohort, $2 statuses (BOARD_STATUSES), $3 hub, $4 region, $5 sector, $6 gender, $7 one application,
 * $8 one status (each filter null for all). Paged: also $9 rows and $10 offset, and each row carries
 * `total`, the number of rows on the whole filtered board. Ranks are over the whole board (filters only
 * hide rows), so a page shows the ranks the cohort has.
 */
export function boardSql(kind: 'raw' | 'normalized', paged = false): string {
  return `WITH ${REVIEW_SCORES},
       per_application AS (
         SELECT application_id, avg(mean) AS raw, avg(normalized) AS normalized,
                max(normalized) - min(normalized) AS spread, count(*)::int AS reviews_done
           FROM review_scores GROUP BY application_id
       ),
       expected AS (
         SELECT application_id, count(*)::int AS n FROM review_assignments WHERE cohort_id = $1 GROUP BY application_id
       ),
       board AS (
         SELECT app.id AS application_id, app.full_name, app.enterprise_name, app.sector, app.region,
                app.gender, app.hub_preferences, app.status,
                p.raw, p.normalized, p.spread,
                coalesce(p.spread > rr.disagreement_gap, false) AS disagreement,
                coalesce(p.reviews_done, 0) AS reviews_done, coalesce(e.n, 0) AS reviews_expected,
                i.scores AS interview_scores, i.recorded_at AS interview_recorded_at,
                row_number() OVER (ORDER BY ${kind === 'raw' ? 'p.raw' : 'p.normalized'} DESC NULLS LAST, p.raw DESC NULLS LAST, app.id) AS rank
           FROM application_review_v app
           JOIN review_rounds rr ON rr.cohort_id = app.cohort_id
           LEFT JOIN per_application p ON p.application_id = app.id
           LEFT JOIN expected e ON e.application_id = app.id
           LEFT JOIN interviews i ON i.application_id = app.id
          WHERE app.cohort_id = $1 AND app.status = ANY($2)
       )
       SELECT *${paged ? ', count(*) OVER () AS total' : ''} FROM board
        WHERE ($3::text IS NULL OR $3 = ANY(hub_preferences))
          AND ($4::text IS NULL OR region = $4)
          AND ($5::text IS NULL OR sector = $5)
          AND ($6::text IS NULL OR gender = $6)
          AND ($7::uuid IS NULL OR application_id = $7)
          AND ($8::text IS NULL OR status = $8)
        ORDER BY rank${paged ? ' LIMIT $9 OFFSET $10' : ''}`;
}
