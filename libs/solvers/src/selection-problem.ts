import {
  HUBS_CONSTRAINT,
  PINNED_IN_CONSTRAINT,
  PINNED_OUT_CONSTRAINT,
  SIZE_CONSTRAINT,
  type SelectionCandidate,
  type SelectionInput,
  type ShareAttribute,
} from './selection.types';

/** Malformed selection input (a programming or validation error upstream, not an infeasible selection). */
export class SelectionInputError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Scores are optimised as integers of this many points per unit (micro-points). */
const SCORE_RESOLUTION = 1e6;
const MAX_ABS_SCORE = 1000;
/** Fractions × size are rounded with this slack, so 0.3 × 100 = 30.000000000000004 still gives 30. */
const SHARE_SLACK = 1e-9;
const RESERVED = new Set([SIZE_CONSTRAINT, HUBS_CONSTRAINT, PINNED_IN_CONSTRAINT, PINNED_OUT_CONSTRAINT]);

/** A candidate as the solver sees it: rank 0 is the best (score descending, then id). */
export interface RankedCandidate {
  rank: number;
  id: string;
  score: number;
  /** The integer objective coefficient: round(score × 1e6), divided by the candidates' common divisor. */
  points: number;
  region: string | null;
  gender: string | null;
  sector: string | null;
  /** Preferred hubs that have seats, most preferred first, without repeats. */
  hubs: string[];
  /** The same hubs as a set: candidates with the same key are placed alike. */
  hubKey: string;
}

/** A share constraint as bounds on a count. */
export interface ShareBound {
  id: string;
  attribute: ShareAttribute;
  value: string;
  /** At least this many: ⌈min·size⌉, or 0. */
  atLeast: number;
  /** At most this many: ⌊max·size⌋, or size. */
  atMost: number;
}

/** A validated selection input with its candidates ranked and its shares turned into counts. */
export interface SelectionProblem {
  candidates: RankedCandidate[];
  byId: Map<string, RankedCandidate>;
  size: number;
  shares: ShareBound[];
  /** Hubs with at least one seat, sorted by code. */
  hubs: string[];
  capacity: Map<string, number>;
  pinnedIn: Set<string>;
  pinnedOut: Set<string>;
  /** Every constraint that can be dropped, in the order prices are listed and clashes are searched. */
  constraints: string[];
}

/** Code-unit order, the same on every machine and locale. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function byScoreThenId(a: { score: number; id: string }, b: { score: number; id: string }): number {
  return b.score - a.score || compareIds(a.id, b.id);
}

export function matches(candidate: Pick<SelectionCandidate, ShareAttribute>, share: ShareBound): boolean {
  return candidate[share.attribute] === share.value;
}

/** Rounded to 1e-9, so that float noise (12.499999999999998) does not show in totals and prices. */
export function roundScore(value: number): number {
  return Math.round(value * 1e9) / 1e9;
}

/** Σ of scores, summed in the given order (rank order, for the same result every time) and rounded. */
export function sumScores(candidates: Array<{ score: number }>): number {
  return roundScore(candidates.reduce((total, c) => total + c.score, 0));
}

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

/** Validates the input (a SelectionInputError names the first problem) and ranks the candidates. */
export function toSelectionProblem(input: SelectionInput): SelectionProblem {
  const { size } = input;
  if (!Number.isInteger(size) || size < 1)
    throw new SelectionInputError('selection.invalid_size', `size must be an integer ≥ 1, not ${size}.`);

  const capacity = new Map<string, number>();
  for (const [hub, seats] of Object.entries(input.hubCapacities)) {
    if (!Number.isInteger(seats) || seats < 0)
      throw new SelectionInputError('selection.invalid_capacity', `Hub ${hub}: capacity must be an integer ≥ 0.`);
    if (seats > 0) capacity.set(hub, seats);
  }

  const seen = new Set<string>();
  const candidates = input.candidates
    .map((c): RankedCandidate => {
      if (seen.has(c.id)) throw new SelectionInputError('selection.duplicate_id', `Duplicate candidate id ${c.id}.`);
      seen.add(c.id);
      if (!Number.isFinite(c.score) || Math.abs(c.score) > MAX_ABS_SCORE) {
        throw new SelectionInputError(
          'selection.invalid_score',
          `Candidate ${c.id}: the score must be a finite number within ±${MAX_ABS_SCORE}.`,
        );
      }
      const hubs = [...new Set(c.hubPreferences)].filter((hub) => capacity.has(hub));
      return {
        rank: 0,
        id: c.id,
        score: c.score,
        points: Math.round(c.score * SCORE_RESOLUTION),
        region: c.region,
        gender: c.gender,
        sector: c.sector,
        hubs,
        hubKey: JSON.stringify([...hubs].sort()),
      };
    })
    .sort(byScoreThenId);
  candidates.forEach((c, rank) => (c.rank = rank));
  // Dividing every coefficient by their common divisor changes no comparison and keeps them small
  // (scores in steps of 1/16 become steps of 1), which HiGHS's numerics prefer.
  const divisor = candidates.reduce((g, c) => gcd(g, Math.abs(c.points)), 0);
  if (divisor > 1) for (const c of candidates) c.points /= divisor;
  const byId = new Map(candidates.map((c) => [c.id, c]));

  const shareIds = new Set<string>();
  const shares = input.shares.map((share): ShareBound => {
    if (RESERVED.has(share.id) || shareIds.has(share.id)) {
      throw new SelectionInputError(
        'selection.invalid_share',
        `Share ${share.id}: ids must be unique and none of ${[...RESERVED].join(', ')}.`,
      );
    }
    shareIds.add(share.id);
    for (const fraction of [share.min, share.max]) {
      if (fraction !== undefined && !(fraction >= 0 && fraction <= 1)) {
        throw new SelectionInputError(
          'selection.invalid_share',
          `Share ${share.id}: min and max are fractions in [0, 1].`,
        );
      }
    }
    return {
      id: share.id,
      attribute: share.attribute,
      value: share.value,
      atLeast: share.min === undefined ? 0 : Math.ceil(share.min * size - SHARE_SLACK),
      atMost: share.max === undefined ? size : Math.floor(share.max * size + SHARE_SLACK),
    };
  });

  const pins = (ids: string[] | undefined): Set<string> => {
    const unknown = (ids ?? []).find((id) => !byId.has(id));
    if (unknown !== undefined) {
      throw new SelectionInputError('selection.unknown_candidate', `Pinned ${unknown} is not a candidate.`);
    }
    return new Set(ids);
  };
  const pinnedIn = pins(input.pinnedIn);
  const pinnedOut = pins(input.pinnedOut);

  return {
    candidates,
    byId,
    size,
    shares,
    hubs: [...capacity.keys()].sort(compareIds),
    capacity,
    pinnedIn,
    pinnedOut,
    constraints: [
      ...shares.map((s) => s.id),
      HUBS_CONSTRAINT,
      ...(pinnedIn.size ? [PINNED_IN_CONSTRAINT] : []),
      ...(pinnedOut.size ? [PINNED_OUT_CONSTRAINT] : []),
    ],
  };
}
