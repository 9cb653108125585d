// The committee board's SQL, typed (Kysely over db.types.ts) and apart from the service so the
// benchmark (scripts/bench/committee.js) times exactly the query the API runs.
import { typedSql } from '@vgbf/database';
import { sql } from 'kysely';

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

export type BoardScore = 'raw' | 'normalized';

/** The board's filters (each absent for all) and, for one row, the application. */
export interface BoardSelection {
  hub?: string | null;
  region?: string | null;
  sector?: string | null;
  gender?: string | null;
  status?: string | null;
  applicationId?: string | null;
}

export interface BoardRow {
  application_id: string;
  full_name: string | null;
  enterprise_name: string | null;
  sector: string | null;
  region: string | null;
  gender: string | null;
  hub_preferences: string[];
  status: string;
  raw: number | string | null;
  normalized: number | string | null;
  spread: number | string | null;
  disagreement: boolean;
  reviews_done: number;
  reviews_expected: number;
  interview_scores: Record<string, number> | null;
  interview_recorded_at: Date | null;
  rank: string;
  total?: string | null;
}

/**
 * A cohort's review scores as CTEs: each review's weighted mean (stored with its scores), then per
 * reviewer a z-score (cancelling lenient and harsh reviewers), mapped back to 1–5 with the round's
 * overall mean and standard deviation. A reviewer whose reviews all score the same (or who wrote one)
 * carries no relative information: z = 0, the overall mean. Read `review_scores`.
 */
export function withReviewScores(cohortId: string) {
  return typedSql
    .with('review_means', (db) =>
      db
        .selectFrom('reviews as r')
        .innerJoin('review_assignments as a', 'a.id', 'r.assignment_id')
        .select(['a.id as assignment_id', 'a.application_id', 'a.reviewer_id', 'r.weighted_score as mean'])
        .where('r.cohort_id', '=', cohortId)
        .where('a.cohort_id', '=', cohortId),
    )
    .with('reviewer_stats', (db) =>
      db
        .selectFrom('review_means')
        .select((eb) => [
          'reviewer_id',
          eb.fn.avg<number>('mean').as('mu'),
          eb.fn.agg<number | null>('stddev_pop', ['mean']).as('sigma'),
        ])
        .groupBy('reviewer_id'),
    )
    .with('overall', (db) =>
      db
        .selectFrom('review_means')
        .select((eb) => [
          eb.fn.avg<number>('mean').as('mu'),
          eb.fn.coalesce(eb.fn.agg<number | null>('stddev_pop', ['mean']), sql.lit(0)).as('sigma'),
        ]),
    )
    .with('review_scores', (db) =>
      db
        .selectFrom('review_means as m')
        .innerJoin('reviewer_stats as s', 's.reviewer_id', 'm.reviewer_id')
        .crossJoin('overall as o')
        .select((eb) => [
          'm.assignment_id',
          'm.application_id',
          'm.reviewer_id',
          'm.mean',
          sql<number>`least(5, greatest(1, ${eb.ref('o.mu')} + ${eb.ref('o.sigma')} * CASE WHEN ${eb.ref('s.sigma')} > 0
            THEN (${eb.ref('m.mean')} - ${eb.ref('s.mu')}) / ${eb.ref('s.sigma')} ELSE 0 END))`.as('normalized'),
        ]),
    );
}

/**
 * The board of a cohort as the CTE `board`: one row per application on it (BOARD_STATUSES), ranked by
 * the chosen score (ties: raw score, then id) over the whole board — filters only hide rows, so a page
 * shows the ranks the cohort has. Narrow on purpose (issue 16): only the scores and the plain columns
 * the filters read, so that ranking the whole board never reads an application's answers (names,
 * enterprise, gender and sector live in its jsonb) nor its interview; `withDetails` adds those to the
 * rows a page shows, after the ranking.
 */
function withBoard(cohortId: string, kind: BoardScore) {
  return withReviewScores(cohortId)
    .with('per_application', (db) =>
      db
        .selectFrom('review_scores')
        .select((eb) => [
          'application_id',
          eb.fn.avg<number>('mean').as('raw'),
          eb.fn.avg<number>('normalized').as('normalized'),
          sql<number>`max(${eb.ref('normalized')}) - min(${eb.ref('normalized')})`.as('spread'),
          sql<number>`count(*)::int`.as('reviews_done'),
        ])
        .groupBy('application_id'),
    )
    .with('expected', (db) =>
      db
        .selectFrom('review_assignments')
        .select(['application_id', sql<number>`count(*)::int`.as('n')])
        .where('cohort_id', '=', cohortId)
        .groupBy('application_id'),
    )
    .with('board', (db) =>
      db
        .selectFrom('application_review_v as app')
        .innerJoin('review_rounds as rr', 'rr.cohort_id', 'app.cohort_id')
        .leftJoin('per_application as p', 'p.application_id', 'app.id')
        .leftJoin('expected as e', 'e.application_id', 'app.id')
        .select((eb) => [
          'app.id as application_id',
          'app.region',
          'app.hub_preferences',
          'app.status',
          'p.raw',
          'p.normalized',
          'p.spread',
          sql<boolean>`coalesce(${eb.ref('p.spread')} > ${eb.ref('rr.disagreement_gap')}, false)`.as('disagreement'),
          eb.fn.coalesce('p.reviews_done', sql.lit(0)).as('reviews_done'),
          eb.fn.coalesce('e.n', sql.lit(0)).as('reviews_expected'),
          sql<string>`row_number() OVER (ORDER BY ${eb.ref(kind === 'raw' ? 'p.raw' : 'p.normalized')} DESC NULLS LAST,
            ${eb.ref('p.raw')} DESC NULLS LAST, ${eb.ref('app.id')})`.as('rank'),
        ])
        .where('app.cohort_id', '=', cohortId)
        .where((eb) => eb('app.status', '=', eb.fn.any(eb.val([...BOARD_STATUSES])))),
    );
}

/**
 * The board's rows that the selection shows (all of them with none). Sector and gender are read from
 * the answers of the cohort's applications only when asked for.
 */
function selectedBoard(cohortId: string, kind: BoardScore, selection: BoardSelection) {
  let query = withBoard(cohortId, kind).selectFrom('board');
  const { hub, region, sector, gender, status, applicationId } = selection;
  if (hub != null) query = query.where((eb) => eb(eb.val(hub), '=', eb.fn.any('hub_preferences')));
  if (region != null) query = query.where('region', '=', region);
  if (sector != null || gender != null) {
    query = query.where('application_id', 'in', (eb) => {
      let answers = eb.selectFrom('application_review_v as f').select('f.id').where('f.cohort_id', '=', cohortId);
      if (sector != null) answers = answers.where('f.sector', '=', sector);
      if (gender != null) answers = answers.where('f.gender', '=', gender);
      return answers;
    });
  }
  if (applicationId != null) query = query.where('application_id', '=', applicationId);
  if (status != null) query = query.where('status', '=', status);
  return query;
}

/**
 * The board's rows in rank order; with `page`, one page of them, each carrying `total`, the rows of the
 * whole selection. The page is chosen on the narrow board; only its rows then read their application's
 * answers and interview (by primary key).
 */
export function boardQuery(
  cohortId: string,
  kind: BoardScore,
  selection: BoardSelection = {},
  page?: { limit: number; offset: number },
) {
  const selected = selectedBoard(cohortId, kind, selection).selectAll('board');
  const shown = page
    ? selected
        .select(sql<string>`count(*) OVER ()`.as('total'))
        .orderBy('rank')
        .limit(page.limit)
        .offset(page.offset)
    : selected.select(sql<string | null>`NULL::bigint`.as('total'));
  return typedSql
    .selectFrom(shown.as('b'))
    .innerJoin('application_review_v as app', 'app.id', 'b.application_id')
    .leftJoin('interviews as i', 'i.application_id', 'b.application_id')
    .select([
      'b.application_id',
      'app.full_name',
      'app.enterprise_name',
      'app.sector',
      'b.region',
      'app.gender',
      'b.hub_preferences',
      'b.status',
      'b.raw',
      'b.normalized',
      'b.spread',
      'b.disagreement',
      'b.reviews_done',
      'b.reviews_expected',
      'i.scores as interview_scores',
      'i.recorded_at as interview_recorded_at',
      'b.rank',
      'b.total',
    ])
    .orderBy('b.rank')
    .$castTo<BoardRow>();
}

/** How many rows the selection shows (past the last page, where no row carries the total). */
export function boardCount(cohortId: string, kind: BoardScore, selection: BoardSelection = {}) {
  return selectedBoard(cohortId, kind, selection).select(sql<string>`count(*)`.as('total'));
}

export interface ReviewBreakdownRow {
  reviewer_id: string;
  reviewer_name: string;
  scores: Record<string, number>;
  mean: number | string;
  normalized: number | string;
  recommendation: string;
  comment: string;
  updated_at: Date;
}

/** One application's reviews with each reviewer's name, raw and normalized score, by reviewer. */
export function reviewBreakdown(cohortId: string, applicationId: string) {
  return withReviewScores(cohortId)
    .selectFrom('review_scores as s')
    .innerJoin('reviews as r', 'r.assignment_id', 's.assignment_id')
    .innerJoin('user_contacts_v as u', 'u.id', 's.reviewer_id')
    .select([
      's.reviewer_id',
      'u.full_name as reviewer_name',
      'r.scores',
      's.mean',
      's.normalized',
      'r.recommendation',
      'r.comment',
      'r.updated_at',
    ])
    .where('s.application_id', '=', applicationId)
    .orderBy('u.full_name')
    .orderBy('s.reviewer_id')
    .$castTo<ReviewBreakdownRow>();
}
