/** A candidate attribute a share constraint can count. */
export type ShareAttribute = 'region' | 'gender' | 'sector';

/**
 * "At least `min` / at most `max` of the cohort have `attribute` = `value`", as fractions of the size.
 * The bounds become counts: at least ⌈min·size⌉ and at most ⌊max·size⌋ (with a 1e-9 slack, so
 * 0.3 × 100 is 30 and not 31). A candidate whose attribute is null never counts.
 */
export interface ShareConstraint {
  /** Unique, and none of the reserved names 'size', 'hubs', 'pinnedIn', 'pinnedOut'. */
  id: string;
  attribute: ShareAttribute;
  value: string;
  /** Fraction in [0, 1]. */
  min?: number;
  /** Fraction in [0, 1]. */
  max?: number;
}

export interface SelectionCandidate {
  id: string;
  /**
   * The score to maximise, within ±1000. It is optimised at a resolution of 1e-6 (rounded to
   * micro-points, which makes the integer program's objective exact): scores closer than that tie.
   */
  score: number;
  region: string | null;
  gender: string | null;
  sector: string | null;
  /** Hub codes, most preferred first. A hub absent from `hubCapacities` cannot take anyone. */
  hubPreferences: string[];
}

export interface SelectionInput {
  candidates: SelectionCandidate[];
  /** Exactly this many are selected. */
  size: number;
  /** Seats per hub code. Every selected candidate must be placeable in one of their preferred hubs. */
  hubCapacities: Record<string, number>;
  shares: ShareConstraint[];
  /** Candidate ids that must be selected. */
  pinnedIn?: string[];
  /** Candidate ids that must not be selected (and are left off the waitlist). */
  pinnedOut?: string[];
}

/** The constraints a price or a clash can name: share ids, and these. */
export const HUBS_CONSTRAINT = 'hubs';
export const PINNED_IN_CONSTRAINT = 'pinnedIn';
export const PINNED_OUT_CONSTRAINT = 'pinnedOut';
/** Named in a clash when there are fewer candidates than seats, whatever the constraints. */
export const SIZE_CONSTRAINT = 'size';

export interface SelectedCandidate {
  id: string;
  score: number;
  /** A witness placement: within capacities, with the smallest total preference rank. */
  hub: string;
}

export interface ConstraintPrice {
  /** A share id, 'hubs', 'pinnedIn' or 'pinnedOut'. */
  constraint: string;
  /** The optimum when this one constraint is dropped and the others are kept. */
  objectiveWithout: number;
  /** `objectiveWithout − objective` (≥ 0): the score this constraint costs. */
  price: number;
}

export interface SelectionResult {
  status: 'optimal' | 'infeasible';
  /** Ordered by score descending, then id (code-unit order). Empty when infeasible. */
  selected: SelectedCandidate[];
  /** Σ score of the selected (0 when infeasible). */
  objective: number;
  /** Σ score of the top `size` candidates, ignoring every constraint and pin. */
  unconstrainedObjective: number;
  /** One per share, then 'hubs', then 'pinnedIn' / 'pinnedOut' when there are pins. Empty when infeasible. */
  prices: ConstraintPrice[];
  /** Everyone neither selected nor pinned out, by score descending, then id. Empty when infeasible. */
  waitlist: Array<{ id: string; score: number }>;
  /**
   * When infeasible: a minimal set of constraints that cannot hold together (drop any one and the rest
   * can), found by a deletion filter over the shares in input order, then hubs and pins; or ['size']
   * when there are fewer candidates than seats.
   */
  clash?: string[];
}
