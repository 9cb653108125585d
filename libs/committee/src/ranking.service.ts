import { Injectable } from '@nestjs/common';
import { CohortsService } from '@vgbf/cohorts';
import { NotFoundError, type Page, toPage } from '@vgbf/core';
import { Transactions, runQuery, runQueryFirst } from '@vgbf/database';
import { type BoardRow, type BoardSelection, boardCount, boardQuery, reviewBreakdown } from './data-access/board';
import type {
  ApplicationBreakdown,
  BoardFilters,
  RankingQuery,
  RankingRow,
  ReviewBreakdown,
  ScoreKind,
} from './dto/ranking.dto';
import { RoundsService } from './rounds.service';
import { type Rubric, weightedMean } from './rubric';

const num = (value: number | string | null): number | null =>
  value === null ? null : Math.round(Number(value) * 10000) / 10000;

/** The board's filters as the query takes them. */
const selectionOf = (filters: BoardFilters, applicationId?: string): BoardSelection => ({
  hub: filters.hub,
  region: filters.region,
  sector: filters.sector,
  gender: filters.gender,
  status: filters.status,
  applicationId,
});

/** The committee board: calibrated ranking computed in SQL for a whole cohort at once. */
@Injectable()
export class RankingService {
  constructor(
    private readonly transactions: Transactions,
    private readonly cohorts: CohortsService,
    private readonly rounds: RoundsService,
  ) {}

  /** One page of the board; the ranking itself is computed over the whole cohort. */
  async board(cohortId: string, query: RankingQuery): Promise<Page<RankingRow>> {
    const { rubric } = await this.rounds.round(cohortId); // 404 for an unknown cohort
    const db = this.transactions.current();
    const selection = selectionOf(query);
    const rows = await runQuery(
      db,
      boardQuery(cohortId, query.score, selection, { limit: query.pageSize, offset: query.offset }),
    );
    // Past the last page there is no row to carry the window count: count separately.
    const total =
      rows[0]?.total ??
      (query.offset > 0 ? (await runQueryFirst(db, boardCount(cohortId, query.score, selection)))?.total : 0);
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
    const reviews = await runQuery(this.transactions.current(), reviewBreakdown(cohortId, applicationId));
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
    const rows = await runQuery(
      this.transactions.current(),
      boardQuery(cohortId, kind, selectionOf(filters, applicationId)),
    );
    return rows.map((r) => this.toView(r, rubric));
  }

  private toView(r: BoardRow, rubric?: Rubric): RankingRow {
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
