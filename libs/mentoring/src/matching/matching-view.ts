import type { CohortView } from '@vgbf/cohorts';
import type { FellowView } from '@vgbf/fellows';
import type { Language } from '@vgbf/identity';
import { type LockOrForbid, type ProposalRun, locksOf } from '@vgbf/proposals';
import type { MatchedPair, MatchingInfeasibility, MatchingInput, MatchingWeights } from '@vgbf/solvers';
import type { MatchingFellowView, MatchingMentorView, MatchingProposalView } from './dto/matching.dto';
import { describeReasons } from './reasons';

export interface MentorRow {
  id: string;
  full_name: string;
  email: string;
  language: Language;
  organisation: string | null;
  sectors: string[];
  expertise: string[];
  languages: string[];
  city: string | null;
  time_zone: string;
  capacity: number;
  active_pairs: number;
}

/** What staff chose for a run. */
export interface MatchingSettings {
  weights: MatchingWeights;
}

export interface StoredInput extends MatchingSettings {
  /** A digest of the fellows to match, their conflicts, locks and forbids: staleness check. */
  fingerprint: string;
}

export interface StoredResult {
  pairs: MatchedPair[];
  minScore: number | null;
  totalScore: number;
}

export type MatchingRun = ProposalRun<StoredInput, StoredResult>;

/** Everything the matching needs, read in one transaction. */
export interface MatchingState {
  cohort: CohortView;
  /** Active fellows without an active mentor. */
  fellows: FellowView[];
  mentors: MentorRow[];
  constraints: LockOrForbid[];
  input: MatchingInput;
  fingerprint: string;
}

export function fellowName(state: MatchingState, id: string): string {
  return state.fellows.find((f) => f.id === id)?.fullName ?? id;
}

export function mentorName(state: MatchingState, id: string): string {
  return state.mentors.find((m) => m.id === id)?.full_name ?? id;
}

export function fellowView(f: FellowView, constraints: readonly LockOrForbid[]): MatchingFellowView {
  const mine = locksOf(constraints, f.id);
  return {
    id: f.id,
    fullName: f.fullName,
    sector: f.sector,
    goals: f.goals,
    languages: f.languages,
    hub: f.hub?.code ?? null,
    lockedMentorId: mine.lockedId,
    forbiddenMentorIds: mine.forbiddenIds,
  };
}

export function mentorView(m: MentorRow): MatchingMentorView {
  return {
    id: m.id,
    fullName: m.full_name,
    organisation: m.organisation,
    sectors: m.sectors,
    expertise: m.expertise,
    languages: m.languages,
    city: m.city,
    timeZone: m.time_zone,
    capacity: m.capacity,
    free: Math.max(0, m.capacity - m.active_pairs),
  };
}

export function proposalView(run: MatchingRun, state: MatchingState): MatchingProposalView {
  const mentor = new Map(state.mentors.map((m) => [m.id, m]));
  return {
    id: run.id,
    status: run.status,
    weights: run.input.weights,
    minScore: run.result.minScore,
    totalScore: run.result.totalScore,
    pairs: run.result.pairs
      .map((p) => ({
        fellow: { id: p.fellowId, fullName: fellowName(state, p.fellowId) },
        mentor: { id: p.mentorId, fullName: mentor.get(p.mentorId)?.full_name ?? p.mentorId },
        mentorOrganisation: mentor.get(p.mentorId)?.organisation ?? null,
        score: p.score,
        locked: p.locked,
        reasons: p.reasons,
        because: describeReasons(p.reasons),
      }))
      .sort((a, b) => a.score - b.score || a.fellow.fullName.localeCompare(b.fellow.fullName, 'vi')),
    createdAt: run.created_at.toISOString(),
    approvedAt: run.confirmed_at?.toISOString() ?? null,
  };
}

/** An infeasibility as staff read it, with names rather than ids. */
export function sentence(r: MatchingInfeasibility, state: MatchingState): string {
  switch (r.kind) {
    case 'no_mentor':
      return r.why === 'no_common_language'
        ? `No mentor shares a language with ${fellowName(state, r.fellowId)}.`
        : `Every mentor who shares a language with ${fellowName(state, r.fellowId)} is forbidden (${r.forbidden}), in conflict (${r.conflicted}) or full (${r.full}).`;
    case 'capacity':
      return `${r.needed} fellows need a mentor but mentors have ${r.available} places left.`;
    case 'lock_invalid':
      return `The lock of ${fellowName(state, r.fellowId)} to ${mentorName(state, r.mentorId)} breaks a rule: ${r.why.replace(/_/g, ' ')}.`;
    case 'crowded':
      return `${r.fellowIds.length} fellows (${r.fellowIds
        .slice(0, 5)
        .map((id) => fellowName(state, id))
        .join(
          ', ',
        )}${r.fellowIds.length > 5 ? '…' : ''}) can only be paired with ${r.mentorIds.length} mentors who have ${r.capacity} places left.`;
  }
}
