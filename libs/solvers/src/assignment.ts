import { MinCostFlow } from './min-cost-flow';

/**
 * Automatic reviewer assignment: every application gets `k` reviewers, never a conflicted one, with
 * reviewer loads as even as possible and, among the most even assignments, as many sector matches as
 * possible. Solved exactly as a minimum-cost flow; see {@link assignReviewers}.
 */

/** One application-reviewer pair. */
export interface AssignmentPair {
  applicationId: string;
  reviewerId: string;
}

/** What {@link assignReviewers} solves. Ids are compared as strings; order of the arrays does not matter. */
export interface AssignmentInput {
  /** The applications to review. `sector` null matches no reviewer. */
  applications: ReadonlyArray<{ id: string; sector: string | null }>;
  /** The reviewers. `maxLoad`, when given, caps the applications a reviewer gets (kept ones included). */
  reviewers: ReadonlyArray<{ id: string; sectors: readonly string[]; maxLoad?: number }>;
  /** Reviewers per application. */
  k: number;
  /** Pairs never to assign. Pairs naming an application or reviewer outside the input are irrelevant and ignored. */
  conflicts: readonly AssignmentPair[];
  /**
   * Existing assignments to keep as they are (pass none to start afresh). They count toward the
   * reviewer's load and the application's `k`; an application with more than `k` kept reviewers
   * keeps them all and gets no new one; a reviewer over `maxLoad` through kept pairs keeps them and
   * gets no new one. A kept pair that is also a conflict is dropped: see `conflictedKeeps`.
   */
  keep?: readonly AssignmentPair[];
}

/** One assigned pair of an {@link AssignmentResult}. */
export interface AssignedPair extends AssignmentPair {
  /** The pair came from `keep`. */
  kept: boolean;
  /** The application's sector is among the reviewer's sectors. */
  sectorMatch: boolean;
}

/**
 * The objective, lexicographic: first `loadSquares`, then `sectorMismatches`. For a fixed number of
 * pairs the sum of squared loads is smallest exactly when loads are as even as the constraints allow
 * (max − min ≤ 1 whenever that is feasible).
 */
export interface AssignmentObjective {
  /** Σ over reviewers of load², kept pairs included. */
  loadSquares: number;
  /** Largest minus smallest reviewer load, over all reviewers. */
  imbalance: number;
  /** Pairs whose application's sector is not among the reviewer's sectors, kept pairs included. */
  sectorMismatches: number;
}

/** An application that cannot get its `k` reviewers, alone or together with the others listed. */
export interface AssignmentShortfall {
  applicationId: string;
  /** Reviewers it could have: not conflicted, and kept or under their `maxLoad`. */
  available: number;
  /** Reviewers it needs: `k`. */
  needed: number;
  /**
   * `too-few-reviewers`: available < needed, nothing but new reviewers or fewer conflicts helps.
   * `reviewer-capacity`: enough reviewers on paper, but the listed applications together need more
   * places than their reviewers' `maxLoad` leaves.
   */
  reason: 'too-few-reviewers' | 'reviewer-capacity';
}

export type AssignmentResult =
  | {
      status: 'optimal';
      /** Every pair, kept and new, sorted by application id then reviewer id. */
      pairs: AssignedPair[];
      /** Load of every reviewer (0 included). */
      loads: Record<string, number>;
      objective: AssignmentObjective;
      /** Kept pairs that were dropped because they are conflicts now. */
      conflictedKeeps: AssignmentPair[];
    }
  | {
      status: 'infeasible';
      /**
       * The applications of the tightest bottleneck (the source side of the minimum cut), sorted by
       * id: together they need more reviewer places than they can have. Every application with
       * fewer available reviewers than `k` is among them.
       */
      shortfalls: AssignmentShortfall[];
      conflictedKeeps: AssignmentPair[];
    };

/** Input that breaks the contract of {@link assignReviewers} (a bug in the caller, not a state of the data). */
export class AssignmentInputError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/**
 * The normalised problem, shared with the lower bound: applications grouped into classes of
 * identical applications (same sector, conflicted reviewers and kept reviewers), everything sorted
 * by id so that the result does not depend on the order of the input.
 */
export interface AssignmentModel {
  k: number;
  reviewerIds: string[];
  reviewerSectors: Array<Set<string>>;
  /** Load from kept pairs, per reviewer. */
  keptLoad: number[];
  /** New applications each reviewer may still take (Infinity when uncapped). */
  room: number[];
  classes: AssignmentClass[];
  keptPairs: AssignedPair[];
  conflictedKeeps: AssignmentPair[];
}

export interface AssignmentClass {
  /** Applications of the class, sorted by id. */
  applicationIds: string[];
  sector: string | null;
  /** New reviewers each application of the class needs: max(0, k − kept). */
  need: number;
  /** How many kept reviewers each application has. */
  kept: number;
  /** Reviewers (indices) the class may get: not conflicted, not kept, with room. */
  allowed: number[];
  /** Per allowed reviewer: 1 when the sector does not match, 0 when it does. */
  mismatch: number[];
}

/**
 * Assigns `k` reviewers to every application, exactly optimal for the lexicographic objective
 * (sum of squared loads, then sector mismatches), or reports why it cannot. Never throws for a
 * state of the data; throws {@link AssignmentInputError} for malformed input (duplicate ids, a kept
 * pair naming an unknown id, a negative or fractional `k` or `maxLoad`).
 *
 * Method: a minimum-cost flow source → class of identical applications (capacity size × need) →
 * reviewer (capacity: class size, since an application takes a reviewer at most once; cost 1 on a
 * sector mismatch) → sink (the j-th unit of load costs M·(2j − 1), so a reviewer's load L costs
 * M·L²; M exceeds any mismatch total, which makes the objective lexicographic). Each class's flow is
 * then dealt round-robin to its applications ({@link dealRoundRobin}). Deterministic: the same input
 * in any order gives the same result.
 */
export function assignReviewers(input: AssignmentInput): AssignmentResult {
  const model = buildAssignmentModel(input);
  const { classes, reviewerIds } = model;
  const { network, classArcs, flow, totalNeed, source } = solveFlow(model);

  if (flow < totalNeed) {
    const cut = network.reachable(source);
    const shortfalls: AssignmentShortfall[] = [];
    classes.forEach((c, i) => {
      if (!cut[i + 1]) return;
      const available = c.kept + c.allowed.length;
      const needed = c.kept + c.need;
      const reason = available < needed ? 'too-few-reviewers' : 'reviewer-capacity';
      for (const applicationId of c.applicationIds) shortfalls.push({ applicationId, available, needed, reason });
    });
    shortfalls.sort((a, b) => compareIds(a.applicationId, b.applicationId));
    return { status: 'infeasible', shortfalls, conflictedKeeps: model.conflictedKeeps };
  }

  const pairs: AssignedPair[] = [...model.keptPairs];
  const loads = model.keptLoad.slice();
  classes.forEach((c, i) => {
    const counts = c.allowed.map((r, j) => ({ reviewer: r, count: network.flow(classArcs[i][j]) }));
    const dealt = dealRoundRobin(c.applicationIds.length, counts);
    dealt.forEach((reviewers, a) => {
      for (const r of reviewers) {
        loads[r]++;
        pairs.push({
          applicationId: c.applicationIds[a],
          reviewerId: reviewerIds[r],
          kept: false,
          sectorMatch: c.sector !== null && model.reviewerSectors[r].has(c.sector),
        });
      }
    });
  });
  pairs.sort((a, b) => compareIds(a.applicationId, b.applicationId) || compareIds(a.reviewerId, b.reviewerId));

  return {
    status: 'optimal',
    pairs,
    loads: Object.fromEntries(reviewerIds.map((id, r) => [id, loads[r]])),
    objective: {
      loadSquares: loads.reduce((s, l) => s + l * l, 0),
      imbalance: loads.length === 0 ? 0 : Math.max(...loads) - Math.min(...loads),
      sectorMismatches: pairs.reduce((s, p) => s + (p.sectorMatch ? 0 : 1), 0),
    },
    conflictedKeeps: model.conflictedKeeps,
  };
}

interface SolvedFlow {
  network: MinCostFlow;
  /** Per class, the arc to each of its allowed reviewers. */
  classArcs: number[][];
  flow: number;
  totalNeed: number;
  source: number;
}

/**
 * The minimum-cost flow of the model. The j-th unit of a reviewer's load costs M·(2j − 1), so load L
 * costs M·L²; M exceeds any mismatch total, which makes the objective lexicographic.
 *
 * Solved from zero, successive shortest paths would need one phase per load level (hundreds). So it
 * first fills every reviewer up to a common level below the mean, minimising mismatches only: a flow
 * whose loads are all equal (or held below by caps) is of minimum cost for its value, which the
 * Bellman-Ford check of {@link MinCostFlow.isMinimumCost} confirms, and the convex costs then only
 * have to settle the last levels. When the level cannot be filled (conflicts, caps), it tries half
 * of it, and in the end starts from zero.
 */
function solveFlow(model: AssignmentModel): SolvedFlow {
  const { classes, keptLoad, room } = model;
  const R = keptLoad.length;
  const C = classes.length;
  const source = 0;
  const sink = C + R + 1;
  const totalNeed = classes.reduce((s, c) => s + c.applicationIds.length * c.need, 0);
  const M = totalNeed + 1;
  const maxLoad = Math.max(0, ...keptLoad) + totalNeed;
  if (M * (2 * maxLoad + 1) * (C + R + 2) > Number.MAX_SAFE_INTEGER) {
    throw new AssignmentInputError('assignment.too_large', 'The assignment is too large for exact integer costs.');
  }
  const sinkCapacity = (r: number) => Math.min(room[r], totalNeed);
  const loadCost = (r: number) => (i: number) => M * (2 * (keptLoad[r] + i) + 1);

  const build = (sinkArc: (network: MinCostFlow, r: number) => number) => {
    const network = new MinCostFlow(C + R + 2);
    const classArcs = classes.map((c, i) => {
      const size = c.applicationIds.length;
      network.addArc(source, i + 1, size * c.need, 0);
      return c.allowed.map((r, j) => network.addArc(i + 1, C + 1 + r, Math.min(size, room[r]), c.mismatch[j]));
    });
    const sinkArcs = keptLoad.map((_, r) => sinkArc(network, r));
    return { network, classArcs, sinkArcs };
  };

  const total = keptLoad.reduce((s, l) => s + l, 0) + totalNeed;
  for (let level = Math.floor(total / Math.max(1, R)) - 1; level >= 2; level = Math.floor(level / 2)) {
    const fill = keptLoad.map((kept, r) => Math.min(Math.max(0, level - kept), sinkCapacity(r)));
    const warm = build((network, r) => network.addArc(C + 1 + r, sink, fill[r], 0));
    if (warm.network.solve(source, sink).flow < fill.reduce((s, f) => s + f, 0)) continue;
    warm.sinkArcs.forEach((arc, r) => warm.network.setArc(arc, sinkCapacity(r), loadCost(r)));
    if (!warm.network.isMinimumCost()) continue;
    const { flow } = warm.network.solve(source, sink);
    return { network: warm.network, classArcs: warm.classArcs, flow, totalNeed, source };
  }
  const cold = build((network, r) => network.addConvexArc(C + 1 + r, sink, sinkCapacity(r), loadCost(r)));
  const { flow } = cold.network.solve(source, sink);
  return { network: cold.network, classArcs: cold.classArcs, flow, totalNeed, source };
}

/**
 * Splits one class's flow into per-application reviewer lists: the reviewers, each repeated by its
 * count, are laid out in order and slot t goes to application t mod `size`. A reviewer's slots are
 * consecutive and at most `size` of them, so no application gets a reviewer twice; with
 * Σ counts = size × need every application gets exactly `need` reviewers.
 *
 * @returns per application (0 … size − 1), its reviewers in the order of `counts`.
 */
export function dealRoundRobin<T>(size: number, counts: ReadonlyArray<{ reviewer: T; count: number }>): T[][] {
  const total = counts.reduce((s, c) => s + c.count, 0);
  if (size === 0 ? total !== 0 : total % size !== 0) {
    throw new RangeError(`dealRoundRobin: ${total} slots do not split evenly over ${size} applications`);
  }
  const dealt: T[][] = Array.from({ length: size }, () => []);
  let slot = 0;
  for (const { reviewer, count } of counts) {
    if (count > size) throw new RangeError(`dealRoundRobin: a count of ${count} exceeds the ${size} applications`);
    for (let i = 0; i < count; i++, slot++) dealt[slot % size].push(reviewer);
  }
  return dealt;
}

/** Validates and normalises the input into classes of identical applications. */
export function buildAssignmentModel(input: AssignmentInput): AssignmentModel {
  const { k } = input;
  if (!Number.isInteger(k) || k < 0)
    throw new AssignmentInputError('assignment.invalid_k', `k must be an integer ≥ 0, not ${k}.`);
  const applications = [...input.applications].sort((a, b) => compareIds(a.id, b.id));
  const reviewers = [...input.reviewers].sort((a, b) => compareIds(a.id, b.id));
  assertUnique(
    applications.map((a) => a.id),
    'application',
  );
  assertUnique(
    reviewers.map((r) => r.id),
    'reviewer',
  );
  for (const r of reviewers) {
    if (r.maxLoad !== undefined && (!Number.isInteger(r.maxLoad) || r.maxLoad < 0)) {
      throw new AssignmentInputError(
        'assignment.invalid_max_load',
        `maxLoad of reviewer ${r.id} must be an integer ≥ 0.`,
      );
    }
  }
  const applicationIndex = new Map(applications.map((a, i) => [a.id, i]));
  const reviewerIndex = new Map(reviewers.map((r, i) => [r.id, i]));
  const reviewerSectors = reviewers.map((r) => new Set(r.sectors));

  const conflicted = applications.map(() => new Set<number>());
  for (const c of input.conflicts) {
    const a = applicationIndex.get(c.applicationId);
    const r = reviewerIndex.get(c.reviewerId);
    if (a !== undefined && r !== undefined) conflicted[a].add(r);
  }

  const kept = applications.map(() => new Set<number>());
  const keptLoad = reviewers.map(() => 0);
  const conflictedKeeps: AssignmentPair[] = [];
  for (const p of input.keep ?? []) {
    const a = applicationIndex.get(p.applicationId);
    const r = reviewerIndex.get(p.reviewerId);
    if (a === undefined || r === undefined) {
      throw new AssignmentInputError(
        'assignment.unknown_kept_pair',
        `Kept pair ${p.applicationId} / ${p.reviewerId} names an application or reviewer outside the input.`,
      );
    }
    if (kept[a].has(r)) continue;
    if (conflicted[a].has(r)) {
      if (!conflictedKeeps.some((q) => q.applicationId === p.applicationId && q.reviewerId === p.reviewerId)) {
        conflictedKeeps.push({ applicationId: p.applicationId, reviewerId: p.reviewerId });
      }
      continue;
    }
    kept[a].add(r);
    keptLoad[r]++;
  }
  conflictedKeeps.sort(
    (p, q) => compareIds(p.applicationId, q.applicationId) || compareIds(p.reviewerId, q.reviewerId),
  );

  const room = reviewers.map((r, i) => (r.maxLoad === undefined ? Infinity : Math.max(0, r.maxLoad - keptLoad[i])));

  const classes: AssignmentClass[] = [];
  const byKey = new Map<string, AssignmentClass>();
  const matches = (sector: string | null, r: number) => sector !== null && reviewerSectors[r].has(sector);
  const keptPairs: AssignedPair[] = [];
  applications.forEach((app, a) => {
    const keptHere = [...kept[a]].sort((x, y) => x - y);
    for (const r of keptHere) {
      keptPairs.push({
        applicationId: app.id,
        reviewerId: reviewers[r].id,
        kept: true,
        sectorMatch: matches(app.sector, r),
      });
    }
    const need = Math.max(0, k - keptHere.length);
    if (need === 0) return;
    const conflictsHere = [...conflicted[a]].sort((x, y) => x - y);
    const key = JSON.stringify([app.sector, conflictsHere, keptHere]);
    let c = byKey.get(key);
    if (!c) {
      const allowed = reviewers.flatMap((_, r) => (room[r] > 0 && !conflicted[a].has(r) && !kept[a].has(r) ? [r] : []));
      c = {
        applicationIds: [],
        sector: app.sector,
        need,
        kept: keptHere.length,
        allowed,
        mismatch: allowed.map((r) => (matches(app.sector, r) ? 0 : 1)),
      };
      byKey.set(key, c);
      classes.push(c);
    }
    c.applicationIds.push(app.id);
  });

  return {
    k,
    reviewerIds: reviewers.map((r) => r.id),
    reviewerSectors,
    keptLoad,
    room,
    classes,
    keptPairs,
    conflictedKeeps,
  };
}

function assertUnique(ids: string[], what: string): void {
  for (let i = 1; i < ids.length; i++) {
    if (ids[i] === ids[i - 1])
      throw new AssignmentInputError('assignment.duplicate_id', `Duplicate ${what} id ${ids[i]}.`);
  }
}

/** Code-unit order, independent of locale. */
function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
