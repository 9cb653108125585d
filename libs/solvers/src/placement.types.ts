/** A destination hub of the fellowship abroad. */
export interface PlacementHub {
  code: string;
  /** Most fellows the hub takes (an integer ≥ 0). */
  capacity: number;
  /** Fewest fellows the hub must receive (an integer, 0 … capacity); default 0. */
  minimum?: number;
}

export interface PlacementFellow {
  id: string;
  /** Selection score: among placements of equal total points, higher-scored fellows get better ranks. */
  score: number;
  /** Hub codes, first choice first; may be shorter than the hub list. */
  preferences: readonly string[];
  /** Hubs whose language rule this fellow meets (the caller computes it). */
  eligibleHubs: readonly string[];
  /** Staff lock: the fellow goes there, whatever the language rule says. */
  lockedHub?: string | null;
  /** Staff forbid: never there. */
  forbiddenHubs?: readonly string[];
}

export interface PlacementInput {
  hubs: readonly PlacementHub[];
  fellows: readonly PlacementFellow[];
  /**
   * Points for a fellow's rank 1, 2, 3…: integers ≥ 0, non-increasing. A rank past the end of the
   * list, or a hub not among the fellow's preferences (allowed when eligible), earns 0.
   */
  rankWeights: readonly number[];
}

/** Why a fellow did not get a hub they ranked above the one they got. Each is true of the returned placement. */
export type NotHigherReason =
  | { hub: string; rank: number; reason: 'locked'; detail: string }
  | { hub: string; rank: number; reason: 'forbidden'; detail: string }
  | { hub: string; rank: number; reason: 'language'; detail: string }
  | {
      hub: string;
      rank: number;
      reason: 'capacity';
      /** The hub is full: it holds `capacity` fellows, `higherScored` of them with a higher score. */
      capacity: number;
      higherScored: number;
      detail: string;
    }
  | {
      hub: string;
      rank: number;
      reason: 'minimum';
      /** The hub the fellow got holds exactly its `minimum`: moving them would break it. */
      minimumHub: string;
      minimum: number;
      detail: string;
    };

export interface Placement {
  fellowId: string;
  hub: string;
  /** 1-based rank of `hub` in the fellow's preferences, null when it is not among them. */
  rank: number | null;
  points: number;
  locked: boolean;
  /** Every hub ranked above `hub`, best first, with the reason the fellow is not there. */
  notHigher: NotHigherReason[];
}

/** A machine-readable reason why no placement exists; each is a proof on its own. */
export type PlacementInfeasibility =
  /** These fellows may go nowhere: no eligible hub that is not forbidden. */
  | { kind: 'no_hub'; fellowIds: string[] }
  /** A fellow is locked to a hub that staff also forbade for them. */
  | { kind: 'lock_forbidden'; fellowId: string; hub: string }
  /** More fellows are locked to a hub than it holds. */
  | { kind: 'lock_over_capacity'; hub: string; locked: number; capacity: number }
  /** More fellows than places in all hubs together. */
  | { kind: 'capacity'; needed: number; available: number }
  /** Fewer fellows may go to the hub (`eligible`) than its minimum. */
  | { kind: 'minimum'; hub: string; minimum: number; eligible: number }
  /**
   * The hubs' minimums add up to more than the fellows who may go to any of them (`fellowIds`, all
   * of them). Found from a minimum cut when no single hub explains it.
   */
  | { kind: 'minimums'; hubs: string[]; minimum: number; fellowIds: string[] }
  /**
   * Hall's condition fails: these fellows may only go to `hubs`, which hold `capacity` < their
   * number. Found from a minimum cut when nothing simpler explains it.
   */
  | { kind: 'crowded'; fellowIds: string[]; hubs: string[]; capacity: number };

export type PlacementResult =
  | {
      status: 'optimal';
      /** One per fellow, sorted by fellow id. */
      placements: Placement[];
      totalPoints: number;
    }
  | { status: 'infeasible'; reasons: PlacementInfeasibility[] };

/** Input that breaks the contract of placeFellows (a bug in the caller, not a state of the data). */
export class PlacementInputError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}
