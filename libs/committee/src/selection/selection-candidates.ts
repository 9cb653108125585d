import { Injectable } from '@nestjs/common';
import type { SelectionCandidate } from '@vgbf/solvers';
import type { EntityManager } from 'typeorm';
import { RankingService } from '../ranking.service';
import { RoundsService } from '../rounds.service';
import { weightedMean } from '../rubric';
import type { SelectionScoreKind } from './selection.types';

export interface Candidate extends SelectionCandidate {
  fullName: string | null;
}

export interface CandidatePool {
  candidates: Candidate[];
  /** Interviewed, but without a score of the chosen kind: left out of the selection. */
  withoutScore: number;
}

/** Scores are compared at 1e-4, as the board shows them. */
const round4 = (x: number): number => Math.round(x * 10_000) / 10_000;

/** Who can be selected: the cohort's interviewed applications, each with the chosen score. */
@Injectable()
export class SelectionCandidates {
  constructor(
    private readonly ranking: RankingService,
    private readonly rounds: RoundsService,
  ) {}

  async load(manager: EntityManager, cohortId: string, kind: SelectionScoreKind): Promise<CandidatePool> {
    const rows = await manager.query<
      Array<{
        id: string;
        full_name: string | null;
        region: string | null;
        gender: string | null;
        sector: string | null;
        hubs: string[];
        interview: Record<string, number> | null;
      }>
    >(
      `SELECT a.id, a.full_name, a.region, a.gender, a.sector, a.hub_preferences AS hubs, i.scores AS interview
         FROM application_review_v a LEFT JOIN interviews i ON i.application_id = a.id
        WHERE a.cohort_id = $1 AND a.status = 'interviewed'
        ORDER BY a.id`,
      [cohortId],
    );
    const score = await this.scorer(manager, cohortId, kind);
    const candidates: Candidate[] = [];
    for (const r of rows) {
      const value = kind === 'interview' ? (r.interview ? score.interview(r.interview) : null) : score.board(r.id);
      if (value === null) continue;
      candidates.push({
        id: r.id,
        fullName: r.full_name,
        score: value,
        region: r.region,
        gender: r.gender,
        sector: r.sector,
        hubPreferences: r.hubs,
      });
    }
    return { candidates, withoutScore: rows.length - candidates.length };
  }

  private async scorer(manager: EntityManager, cohortId: string, kind: SelectionScoreKind) {
    if (kind === 'interview') {
      const { rubric } = await this.rounds.round(cohortId, manager);
      return { interview: (scores: Record<string, number>) => round4(weightedMean(rubric, scores)), board: () => null };
    }
    const scores = await this.ranking.scores(cohortId, kind);
    return { interview: () => null, board: (id: string) => scores.get(id) ?? null };
  }
}
