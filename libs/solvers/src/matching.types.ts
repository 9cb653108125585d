export interface MatchingHub {
  code: string;
  city: string;
  utcOffsetMinutes: number;
  /** Local languages of the hub (ISO 639-1), e.g. ['ja']. */
  languages: readonly string[];
}

export interface MatchingFellow {
  id: string;
  sector: string | null;
  /** Expertise areas wanted: finance, legal, export_logistics, marketing, technology, esg, … */
  goals: readonly string[];
  /** ISO 639-1: vi, en, ja, ko, fr, de… */
  languages: readonly string[];
  organisation: string | null;
  hub: MatchingHub | null;
}

export interface MatchingMentor {
  id: string;
  name?: string;
  sectors: readonly string[];
  expertise: readonly string[];
  languages: readonly string[];
  /** Null: anywhere (remote). */
  city: string | null;
  utcOffsetMinutes: number | null;
  /** Most fellows the mentor takes (an integer ≥ 0). */
  capacity: number;
  organisation: string | null;
}

/** Points of each part of a match; integers ≥ 0. */
export interface MatchingWeights {
  sector: number;
  /** Per wanted goal the mentor covers. */
  expertise: number;
  /** They share a local language of the fellow's hub. */
  localLanguage: number;
  sameCity: number;
  /** |offset difference| ≤ 180 min, when not the same city. */
  nearbyTimezone: number;
}

export interface MatchingPairRef {
  fellowId: string;
  mentorId: string;
}

export interface MatchingInput {
  fellows: readonly MatchingFellow[];
  mentors: readonly MatchingMentor[];
  weights: MatchingWeights;
  /** Declared conflicts (same-organisation ones are found without being declared). */
  conflicts: readonly MatchingPairRef[];
  /** Pairs staff fixed; a lock that breaks a hard rule makes the problem infeasible, it is not ignored. */
  locked: readonly MatchingPairRef[];
  /** Pairs never to make. */
  forbidden: readonly MatchingPairRef[];
}

/** One part of a compatibility score; the parts' points add up to the score. */
export type MatchReason =
  | { kind: 'sector'; sector: string; points: number }
  | { kind: 'expertise'; areas: string[]; points: number }
  /** Always present: a shared language is required. Points only when one is local to the fellow's hub. */
  | { kind: 'language'; languages: string[]; local: boolean; points: number }
  | { kind: 'same_city'; city: string; points: number }
  | { kind: 'timezone'; hoursApart: number; points: number };

export interface Compatibility {
  score: number;
  reasons: MatchReason[];
}

export interface MatchedPair {
  fellowId: string;
  mentorId: string;
  score: number;
  reasons: MatchReason[];
  locked: boolean;
}

/** Why a rule forbids a pair. */
export type PairObstacle = 'no_common_language' | 'conflict' | 'forbidden' | 'capacity';

/** A machine-readable reason why no matching exists; each is a proof on its own. */
export type MatchingInfeasibility =
  /**
   * No mentor is possible for the fellow: none shares a language (`no_common_language`), or every
   * one that does is forbidden, conflicted or full of locks (`excluded`, with the counts).
   */
  | {
      kind: 'no_mentor';
      fellowId: string;
      why: 'no_common_language' | 'excluded';
      sharedLanguage: number;
      forbidden: number;
      conflicted: number;
      full: number;
    }
  /** More fellows than mentor places. */
  | { kind: 'capacity'; needed: number; available: number }
  /** A lock breaks a hard rule (for `capacity`: the mentor has more locks than places). */
  | { kind: 'lock_invalid'; fellowId: string; mentorId: string; why: PairObstacle }
  /**
   * Hall's condition fails: these unlocked fellows may only have `mentorIds`, whose places left
   * after the locks (`capacity`) are fewer than the fellows. Found from a minimum cut.
   */
  | { kind: 'crowded'; fellowIds: string[]; mentorIds: string[]; capacity: number };

export type MatchingResult =
  | {
      status: 'optimal';
      /** One per fellow, sorted by fellow id. */
      pairs: MatchedPair[];
      /** The fairness floor: the lowest score of an unlocked fellow (null when every fellow is locked). */
      minScore: number | null;
      /** Σ score over every pair, locked ones included. */
      totalScore: number;
    }
  | { status: 'infeasible'; reasons: MatchingInfeasibility[] };

/** Input that breaks the contract of matchMentors (a bug in the caller, not a state of the data). */
export class MatchingInputError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}
