import type { CohortView, HubView } from '@vgbf/cohorts';
import { type FellowView, describeLanguageRule, meetsLanguageRule } from '@vgbf/fellows';
import { type LockOrForbid, type ProposalRun, locksOf } from '@vgbf/proposals';
import type { NotHigherReason, Placement, PlacementInfeasibility, PlacementInput } from '@vgbf/solvers';
import type {
  NotHigherView,
  PlacementFellowView,
  PlacementProposalView,
  ProposedPlacementView,
} from './dto/placement.dto';

/** What staff chose for a run. */
export interface PlacementSettings {
  rankWeights: number[];
}

export interface StoredInput extends PlacementSettings {
  /** A digest of the fellows, their preferences, eligibility and constraints, and the hubs: staleness check. */
  fingerprint: string;
}

export interface StoredResult {
  totalPoints: number;
  placements: Placement[];
}

export type PlacementRun = ProposalRun<StoredInput, StoredResult>;

/** What the solver needs, read in one transaction. */
export interface PlacementState {
  cohort: CohortView;
  fellows: FellowView[];
  constraints: LockOrForbid[];
  input: PlacementInput;
  fingerprint: string;
  /** Fellows whose consent to 'abroad' stands: the others are left out of the solver's input (and so of any proposal). */
  abroadConsent: Set<string>;
}

/** The hubs whose language rule this fellow meets, by code. */
export const eligibleHubs = (fellow: FellowView, cohort: CohortView): string[] =>
  cohort.hubs.filter((h) => meetsLanguageRule(fellow.languageCertificates, h.languageRequirements)).map((h) => h.code);

const hubName = (hubs: HubView[], code: string): string => hubs.find((h) => h.code === code)?.name ?? code;

/** A fellow's name, or the id when the fellow is no longer in the state. */
export const nameOf = (state: PlacementState, id: string): string =>
  state.fellows.find((f) => f.id === id)?.fullName ?? id;

export function fellowView(
  f: FellowView,
  constraints: readonly LockOrForbid[],
  eligible: readonly string[],
  abroadConsent: boolean,
): PlacementFellowView {
  const mine = locksOf(constraints, f.id);
  return {
    id: f.id,
    fullName: f.fullName,
    selectionScore: f.selectionScore,
    hubPreferences: f.hubPreferences,
    eligibleHubs: [...eligible],
    lockedHubId: mine.lockedId,
    forbiddenHubIds: mine.forbiddenIds,
    constraintNote: mine.note,
    hub: f.hub?.code ?? null,
    abroadConsent,
  };
}

export function proposalView(run: PlacementRun, state: PlacementState): PlacementProposalView {
  const { hubs } = state.cohort;
  const names = new Map(state.fellows.map((f) => [f.id, f]));
  const byRank: Record<string, number> = {};
  const placements: ProposedPlacementView[] = run.result.placements.map((p) => {
    const fellow = names.get(p.fellowId);
    const key = p.rank === null ? 'unranked' : String(p.rank);
    byRank[key] = (byRank[key] ?? 0) + 1;
    return {
      fellowId: p.fellowId,
      fullName: fellow?.fullName ?? p.fellowId,
      selectionScore: fellow?.selectionScore ?? null,
      hub: p.hub,
      hubId: hubs.find((h) => h.code === p.hub)?.id ?? '',
      hubName: hubName(hubs, p.hub),
      rank: p.rank,
      points: p.points,
      locked: p.locked,
      notHigher: p.notHigher.map((r) => notHigherView(r, hubs, fellow?.fullName ?? p.fellowId)),
    };
  });
  placements.sort((a, b) => a.fullName.localeCompare(b.fullName, 'vi') || a.fellowId.localeCompare(b.fellowId));
  return {
    id: run.id,
    status: run.status,
    rankWeights: run.input.rankWeights,
    totalPoints: run.result.totalPoints,
    byRank,
    placements,
    createdAt: run.created_at.toISOString(),
    confirmedAt: run.confirmed_at?.toISOString() ?? null,
  };
}

function notHigherView(r: NotHigherReason, hubs: HubView[], fullName: string): NotHigherView {
  const name = hubName(hubs, r.hub);
  const base = { hub: r.hub, hubName: name, rank: r.rank, reason: r.reason };
  switch (r.reason) {
    case 'locked':
      return { ...base, detail: `Staff locked ${fullName} to another hub.` };
    case 'forbidden':
      return { ...base, detail: `Staff ruled out ${name} for ${fullName}.` };
    case 'language': {
      const rule = describeLanguageRule(hubs.find((h) => h.code === r.hub)?.languageRequirements ?? []);
      return { ...base, languageRule: rule, detail: `${name} asks for ${rule}.` };
    }
    case 'capacity':
      return {
        ...base,
        capacity: r.capacity,
        higherScored: r.higherScored,
        detail: `${name} is full with ${r.capacity} fellows, ${r.higherScored} of them with a higher score.`,
      };
    case 'minimum':
      return {
        ...base,
        minimumHub: r.minimumHub,
        minimum: r.minimum,
        detail: `${hubName(hubs, r.minimumHub)} needs at least ${r.minimum} fellows, and ${fullName} is one of them.`,
      };
  }
}

/** An infeasibility as staff read it, with names rather than ids. */
export function sentence(r: PlacementInfeasibility, state: PlacementState): string {
  const { hubs } = state.cohort;
  const who = (ids: string[]): string => {
    const names = ids.map((id) => nameOf(state, id));
    return names.length > 5 ? `${names.slice(0, 5).join(', ')} and ${names.length - 5} more` : names.join(', ');
  };
  switch (r.kind) {
    case 'no_hub':
      return `No hub is open to ${who(r.fellowIds)}: each hub is forbidden or asks for a language level they lack.`;
    case 'lock_forbidden':
      return `${who([r.fellowId])} is locked to ${hubName(hubs, r.hub)}, which is also forbidden for them.`;
    case 'lock_over_capacity':
      return `${r.locked} fellows are locked to ${hubName(hubs, r.hub)}, which holds ${r.capacity}.`;
    case 'capacity':
      return `${r.needed} fellows need a place but the hubs hold ${r.available} together.`;
    case 'minimum': {
      const hub = hubs.find((h) => h.code === r.hub);
      const rule = describeLanguageRule(hub?.languageRequirements ?? []);
      return `${hub?.name ?? r.hub} needs at least ${r.minimum} fellows but only ${r.eligible} may go there${rule ? ` (it asks for ${rule})` : ''}.`;
    }
    case 'minimums':
      return `${r.hubs.map((h) => hubName(hubs, h)).join(', ')} need at least ${r.minimum} fellows together, but only ${r.fellowIds.length} may go to any of them.`;
    case 'crowded':
      return `${who(r.fellowIds)} (${r.fellowIds.length}) may only go to ${r.hubs.map((h) => hubName(hubs, h)).join(', ')}, which hold ${r.capacity}.`;
  }
}
