import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CohortsService } from '@vgbf/cohorts';
import { NotFoundError, type Page, toPage } from '@vgbf/core';
import type { DataSource } from 'typeorm';
import type {
  ApplicationBreakdown,
  BoardFilters,
  RankingQuery,
  RankingRow,
  ReviewBreakdown,
  ScoreKind,
} from './dto/ranking.dto';
import { BOARD_STATUSES, REVIEW_SCORES, boardSql } from './ranking.sql';
import { RoundsService } from './rounds.service';
import { type Rubric, weightedMean } from './rubric';

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
  interview_scores: Record<string, number> | null;
  interview_recorded_at: Date | null;
  rank: string;
  total?: string;
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

  /** One page of the board; the ranking itself is computed over the whole cohort. */
  async board(cohortId: string, query: RankingQuery): Promise<Page<RankingRow>> {
    const { rubric } = await this.rounds.round(cohortId);
    await this.cohorts.get(cohortId);
    const params = [...this.params(cohortId, query), query.pageSize, query.offset];
    const rows = await this.db.query<Row[]>(boardSql(query.score, true), params);
    // Past the last page there is no row to carry the window count: count separately.
    const total =
      rows[0]?.total ??
      (query.offset > 0
        ? (
            await this.db.query<Array<{ total: string }>>(
              `SELECT count(*) AS total FROM (${boardSql(query.score)}) b`,
              params.slice(0, -2),
            )
          )[0]?.total
        : 0);
    return toPage(
      rows.map((r) => this.toView(r, rubric)),
      Number(total ?? 0),
      query,
    );
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
    const { rubric } = await this.rounds.round(cohortId);
    const [row] = await this.rows(cohortId, 'normalized', {}, applicationId, rubric);
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
         JOIN user_contacts_v u ON u.id = s.reviewer_id
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
    filters: BoardFilters,
    applicationId?: string,
    rubric?: Rubric,
  ): Promise<RankingRow[]> {
    await this.cohorts.get(cohortId);
    const rows = await this.db.query<Row[]>(boardSql(kind), this.params(cohortId, filters, applicationId));
    return rows.map((r) => this.toView(r, rubric));
  }

  private params(cohortId: string, filters: BoardFilters, applicationId?: string): unknown[] {
    return [
      cohortId,
      BOARD_STATUSES,
      filters.hub ?? null,
      filters.region ?? null,
      filters.sector ?? null,
      filters.gender ?? null,
      applicationId ?? null,
      filters.status ?? null,
    ];
  }

  private toView(r: Row, rubric?: Rubric): RankingRow {
    return {
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
      interview:
        r.interview_scores && r.interview_recorded_at && rubric
          ? {
              score: Math.round(weightedMean(rubric, r.interview_scores) * 1000) / 1000,
              scores: r.interview_scores,
              recordedAt: r.interview_recorded_at.toISOString(),
            }
          : null,
    };
  }
}
