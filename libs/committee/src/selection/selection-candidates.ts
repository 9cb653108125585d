import { Injectable } from '@nestjs/common';
import type { SelectionCandidate } from '@vgbf/solvers';
import type { EntityManager } from 'typeorm';
import { interviewedApplications } from '../data-access/selection';
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
    const rows = await interviewedApplications(manager, cohortId);
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
