import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CohortsService } from '@vgbf/cohorts';
import { NotFoundError } from '@vgbf/core';
import type { DataSource } from 'typeorm';
import type { ApplicationBreakdown, RankingQuery, RankingRow, ReviewBreakdown, ScoreKind } from './dto/ranking.dto';
import { RoundsService } from './rounds.service';

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
 * Each review's weighted mean, then per reviewer a z-score (cancelling lenient and harsh reviewers),
 * mapped back to 1–5 with the round's overall mean and standard deviation. A reviewer whose reviews
 * all score the same (or who wrote one) carries no relative information: z = 0, the overall mean.
 * $1 = cohort id.
 */
const REVIEW_SCORES = `
  criteria AS (
    SELECT c->>'code' AS code, (c->>'weight')::numeric AS weight
      FROM review_rounds rr, jsonb_array_elements(rr.rubric->'criteria') c
     WHERE rr.cohort_id = $1
  ),
  review_means AS (
    SELECT a.id AS assignment_id, a.application_id, a.reviewer_id,
           sum(c.weight * (r.scores->>c.code)::numeric) / sum(c.weight) AS mean
      FROM reviews r
      JOIN review_assignments a ON a.id = r.assignment_id
     CROSS JOIN criteria c
     WHERE a.cohort_id = $1
     GROUP BY a.id, a.application_id, a.reviewer_id
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

interface Row {
  application_id: string;
  full_name: string | null;
  enterprise_name: string | null;
  sector: string | null;
  region: string | null;
  gender: string | null;
  hub_preferences: string[];
  status: string;
  raw: string | null;
  normalized: string | null;
  spread: string | null;
  disagreement: boolean;
  reviews_done: number;
  reviews_expected: number;
  rank: string;
}

const num = (value: string | null): number | null =>
  value === null ? null : Math.round(Number(value) * 10000) / 10000;

/** The committee board: calibrated ranking computed in SQL for a whole cohort at once. */
@Injectable()
export class RankingService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly cohorts: CohortsService,
    private readonly rounds: RoundsService,
  ) {}

  async board(cohortId: string, query: RankingQuery): Promise<RankingRow[]> {
    await this.rounds.round(cohortId);
    return this.rows(cohortId, query.score, query);
  }

  /** Scores by application for selection: the chosen kind, for the applications in the given statuses. */
  async scores(cohortId: string, kind: ScoreKind): Promise<Map<string, number>> {
    const rows = await this.rows(cohortId, kind, {});
    return new Map(
      rows.flatMap((r) => {
        const score = kind === 'raw' ? r.rawScore : r.normalizedScore;
        return score === null ? [] : [[r.applicationId, score] as const];
      }),
    );
  }

  async breakdown(cohortId: string, applicationId: string): Promise<ApplicationBreakdown> {
    await this.rounds.round(cohortId);
    const [row] = await this.rows(cohortId, 'normalized', {}, applicationId);
    if (!row) throw new NotFoundError('Application', applicationId);
    const reviews = await this.db.query<
      Array<{
        reviewer_id: string;
        reviewer_name: string;
        scores: Record<string, number>;
        mean: string;
        normalized: string;
        recommendation: string;
        comment: string;
        updated_at: Date;
      }>
    >(
      `WITH ${REVIEW_SCORES}
       SELECT s.reviewer_id, u.full_name AS reviewer_name, r.scores, s.mean, s.normalized, r.recommendation,
              r.comment, r.updated_at
         FROM review_scores s
         JOIN reviews r ON r.assignment_id = s.assignment_id
         JOIN users u ON u.id = s.reviewer_id
        WHERE s.application_id = $2
        ORDER BY u.full_name, s.reviewer_id`,
      [cohortId, applicationId],
    );
    return {
      row,
      reviews: reviews.map((r): ReviewBreakdown => ({
        reviewerId: r.reviewer_id,
        reviewerName: r.reviewer_name,
        scores: r.scores,
        weightedScore: num(r.mean) ?? 0,
        normalizedScore: num(r.normalized) ?? 0,
        recommendation: r.recommendation,
        comment: r.comment,
        updatedAt: r.updated_at.toISOString(),
      })),
    };
  }

  private async rows(
    cohortId: string,
    kind: ScoreKind,
    filters: Pick<RankingQuery, 'hub' | 'region' | 'sector' | 'gender'>,
    applicationId?: string,
  ): Promise<RankingRow[]> {
    await this.cohorts.get(cohortId);
    const order = kind === 'raw' ? 'p.raw' : 'p.normalized';
    const rows = await this.db.query<Row[]>(
      `WITH ${REVIEW_SCORES},
       per_application AS (
         SELECT application_id, avg(mean) AS raw, avg(normalized) AS normalized,
                max(normalized) - min(normalized) AS spread, count(*)::int AS reviews_done
           FROM review_scores GROUP BY application_id
       ),
       expected AS (
         SELECT application_id, count(*)::int AS n FROM review_assignments WHERE cohort_id = $1 GROUP BY application_id
       ),
       board AS (
         SELECT app.id AS application_id, app.personal->>'fullName' AS full_name,
                app.enterprise->>'name' AS enterprise_name, app.enterprise->>'sector' AS sector, app.region,
                app.personal->>'gender' AS gender, app.hub_preferences, app.status,
                p.raw, p.normalized, p.spread,
                coalesce(p.spread > rr.disagreement_gap, false) AS disagreement,
                coalesce(p.reviews_done, 0) AS reviews_done, coalesce(e.n, 0) AS reviews_expected,
                row_number() OVER (ORDER BY ${order} DESC NULLS LAST, p.raw DESC NULLS LAST, app.id) AS rank
           FROM applications app
           JOIN review_rounds rr ON rr.cohort_id = app.cohort_id
           LEFT JOIN per_application p ON p.application_id = app.id
           LEFT JOIN expected e ON e.application_id = app.id
          WHERE app.cohort_id = $1 AND app.status = ANY($2)
       )
       SELECT * FROM board
        WHERE ($3::text IS NULL OR $3 = ANY(hub_preferences))
          AND ($4::text IS NULL OR region = $4)
          AND ($5::text IS NULL OR sector = $5)
          AND ($6::text IS NULL OR gender = $6)
          AND ($7::uuid IS NULL OR application_id = $7)
        ORDER BY rank`,
      [
        cohortId,
        BOARD_STATUSES,
        filters.hub ?? null,
        filters.region ?? null,
        filters.sector ?? null,
        filters.gender ?? null,
        applicationId ?? null,
      ],
    );
    return rows.map((r) => ({
      rank: Number(r.rank),
      applicationId: r.application_id,
      fullName: r.full_name,
      enterpriseName: r.enterprise_name,
      sector: r.sector,
      region: r.region,
      gender: r.gender,
      hubPreferences: r.hub_preferences,
      status: r.status,
      rawScore: num(r.raw),
      normalizedScore: num(r.normalized),
      spread: num(r.spread),
      disagreement: r.disagreement,
      reviewsDone: r.reviews_done,
      reviewsExpected: r.reviews_expected,
    }));
  }
}
