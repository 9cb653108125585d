import { ProposalRuns } from '@vgbf/proposals';
import type { ConstraintPrice, ShareConstraint } from '@vgbf/solvers';
import { SCORE_KINDS } from '../dto/ranking.dto';

/** The score a selection maximises: the board's calibrated or raw review score, or the interview's. */
export const SELECTION_SCORE_KINDS = [...SCORE_KINDS, 'interview'] as const;
export type SelectionScoreKind = (typeof SELECTION_SCORE_KINDS)[number];

/** What staff asked for, as stored with the run (hub capacities resolved to the cohort's when not given). */
export interface SelectionSettings {
  scoreKind: SelectionScoreKind;
  size: number;
  hubCapacities: Record<string, number>;
  shares: ShareConstraint[];
  pinnedIn: string[];
  pinnedOut: string[];
}

/** A candidate as the proposal shows them. */
export interface ProposedCandidate {
  applicationId: string;
  fullName: string | null;
  score: number;
  region: string | null;
  gender: string | null;
  sector: string | null;
}

/** The solver's answer with names for display, as stored with the run. */
export interface SelectionOutcome {
  /** Interviewed applications with a score of the chosen kind: the candidates. */
  candidates: number;
  /** Interviewed applications without a score of the chosen kind, left out. */
  withoutScore: number;
  objective: number;
  unconstrainedObjective: number;
  prices: ConstraintPrice[];
  /** Best first; `hub` is one placement that fits every capacity (a witness, not an assignment). */
  selected: Array<ProposedCandidate & { hub: string }>;
  /** Rank 1 first: everyone neither selected nor pinned out, by score. */
  waitlist: Array<ProposedCandidate & { rank: number }>;
}

/** Selection's runs on the proposal kernel (@vgbf/proposals): one confirmed run per cohort. */
export const selectionRuns = new ProposalRuns<SelectionSettings, SelectionOutcome>({
  table: 'selection_runs',
  confirmed: 'confirmed',
  label: 'Selection proposal',
});
