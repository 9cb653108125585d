import { MinCostFlow } from './min-cost-flow';
import {
  PlacementInputError,
  type NotHigherReason,
  type Placement,
  type PlacementInfeasibility,
  type PlacementInput,
  type PlacementResult,
} from './placement.types';

/**
 * Hub placement of the fellows abroad (issue 6): every fellow in exactly one hub they may go to,
 * within capacities and minimums, with as many preference points as possible, or a reason why not.
 */

interface FellowModel {
  id: string;
  score: number;
  /** Hub indices, first choice first. */
  preferences: number[];
  eligible: Set<number>;
  forbidden: Set<number>;
  locked: number | null;
  /** Hubs the fellow may go to: the lock alone, or the eligible ones not forbidden. Sorted. */
  allowed: number[];
}

interface PlacementModel {
  codes: string[];
  capacity: number[];
  minimum: number[];
  /** Sorted by id. */
  fellows: FellowModel[];
  /** rankWeights padded with a 0 for "not ranked". */
  points: (rank: number | null) => number;
}

/**
 * Places every fellow in one hub, exactly maximising the total preference points; among placements
 * of equal points, it favours better ranks for higher-scored fellows (then fellow id order, by
 * determinism: the same input in any order gives the same result). Never throws for a state of the
 * data; throws {@link PlacementInputError} for malformed input.
 *
 * Method: one minimum-cost flow, source → fellow (1) → allowed hub (1) → sink, where a hub's
 * minimum is a lower bound on its arc to the sink. The lower bound is modelled without a
 * circulation: the hub sends up to `minimum` units straight to the sink and the rest through a
 * collector node whose one arc to the sink holds n − Σ minimums, so a flow of n saturates every
 * minimum. The cost of a fellow-hub arc is (best points − points)·B + weight(fellow)·rank index,
 * with B above any total of the second term (lexicographic), and the weight n − position in the
 * order by score, highest first.
 */
export function placeFellows(input: PlacementInput): PlacementResult {
  const model = buildModel(input);
  const simple = simpleInfeasibilities(model);
  if (simple.length > 0) return { status: 'infeasible', reasons: simple };

  const { codes, fellows } = model;
  const n = fellows.length;
  const H = codes.length;
  const { network, arcs, flow, source } = solveFlow(model);
  if (flow < n) return { status: 'infeasible', reasons: [cutInfeasibility(model, network.reachable(source))] };

  const hubOf = fellows.map((f, i) => f.allowed.find((_, j) => network.flow(arcs[i][j]) > 0)!);
  const placedAt: number[][] = Array.from({ length: H }, () => []);
  hubOf.forEach((h, i) => placedAt[h].push(i));

  let totalPoints = 0;
  const placements: Placement[] = fellows.map((f, i) => {
    const h = hubOf[i];
    const rank = rankOf(f, h);
    const points = model.points(rank);
    totalPoints += points;
    const above = rank === null ? f.preferences : f.preferences.slice(0, rank - 1);
    return {
      fellowId: f.id,
      hub: codes[h],
      rank,
      points,
      locked: f.locked !== null,
      notHigher: above.map((better, r) => explain(model, placedAt, f, h, better, r + 1)),
    };
  });
  return { status: 'optimal', placements, totalPoints };
}

function rankOf(f: FellowModel, h: number): number | null {
  const r = f.preferences.indexOf(h);
  return r < 0 ? null : r + 1;
}

/** Why fellow f, placed in hub `got`, is not in `better` (ranked `rank`). Checks are on the solution itself. */
function explain(
  model: PlacementModel,
  placedAt: number[][],
  f: FellowModel,
  got: number,
  better: number,
  rank: number,
): NotHigherReason {
  const { codes, capacity, minimum, fellows } = model;
  const hub = codes[better];
  if (f.locked !== null) return { hub, rank, reason: 'locked', detail: `Staff locked ${f.id} to ${codes[f.locked]}.` };
  if (f.forbidden.has(better)) return { hub, rank, reason: 'forbidden', detail: `Staff ruled out ${hub} for ${f.id}.` };
  if (!f.eligible.has(better))
    return { hub, rank, reason: 'language', detail: `${f.id} does not meet the language rule of ${hub}.` };
  if (placedAt[better].length >= capacity[better]) {
    const higherScored = placedAt[better].filter((i) => fellows[i].score > f.score).length;
    return {
      hub,
      rank,
      reason: 'capacity',
      capacity: capacity[better],
      higherScored,
      detail: `${hub} is full with ${capacity[better]} fellows, ${higherScored} of them with a higher score.`,
    };
  }
  if (placedAt[got].length <= minimum[got]) {
    return {
      hub,
      rank,
      reason: 'minimum',
      minimumHub: codes[got],
      minimum: minimum[got],
      detail: `${codes[got]} needs its minimum of ${minimum[got]} fellows, and ${f.id} is one of them.`,
    };
  }
  // Unreachable at an optimum: moving f would be feasible and strictly better.
  throw new Error(`placeFellows: no reason why ${f.id} is not in ${hub}; the placement is not optimal`);
}

function solveFlow(model: PlacementModel) {
  const { capacity, minimum, fellows, codes } = model;
  const n = fellows.length;
  const H = codes.length;
  const source = 0;
  const hubNode = (h: number) => n + 1 + h;
  const collector = n + H + 1;
  const sink = n + H + 2;
  const network = new MinCostFlow(n + H + 3);

  const bestPoints = model.points(1);
  const worstRankIndex = Math.max(0, ...fellows.map((f) => f.preferences.length));
  const byScore = fellows.map((_, i) => i).sort((a, b) => fellows[b].score - fellows[a].score || a - b);
  const weight = new Array<number>(n);
  byScore.forEach((i, position) => (weight[i] = n - position));
  const B = (worstRankIndex * n * (n + 1)) / 2 + 1;
  if (B * (bestPoints + 1) * (n + 1) > Number.MAX_SAFE_INTEGER) {
    throw new PlacementInputError('placement.too_large', 'The placement is too large for exact integer costs.');
  }

  const arcs = fellows.map((f, i) => {
    network.addArc(source, i + 1, 1, 0);
    return f.allowed.map((h) => {
      const rank = rankOf(f, h);
      const cost = (bestPoints - model.points(rank)) * B + weight[i] * (rank === null ? worstRankIndex : rank - 1);
      return network.addArc(i + 1, hubNode(h), 1, cost);
    });
  });
  codes.forEach((_, h) => {
    network.addArc(hubNode(h), sink, minimum[h], 0);
    network.addArc(hubNode(h), collector, capacity[h] - minimum[h], 0);
  });
  network.addArc(collector, sink, n - minimum.reduce((s, m) => s + m, 0), 0);
  const { flow } = network.solve(source, sink);
  return { network, arcs, flow, source };
}

/** Reasons anyone can check at a glance; each alone proves there is no placement. */
function simpleInfeasibilities(model: PlacementModel): PlacementInfeasibility[] {
  const { codes, capacity, minimum, fellows } = model;
  const reasons: PlacementInfeasibility[] = [];
  for (const f of fellows) {
    if (f.locked !== null && f.forbidden.has(f.locked))
      reasons.push({ kind: 'lock_forbidden', fellowId: f.id, hub: codes[f.locked] });
  }
  const nowhere = fellows.filter((f) => f.allowed.length === 0 && f.locked === null).map((f) => f.id);
  if (nowhere.length > 0) reasons.push({ kind: 'no_hub', fellowIds: nowhere });
  codes.forEach((hub, h) => {
    const locked = fellows.filter((f) => f.locked === h).length;
    if (locked > capacity[h]) reasons.push({ kind: 'lock_over_capacity', hub, locked, capacity: capacity[h] });
  });
  const available = capacity.reduce((s, c) => s + c, 0);
  if (fellows.length > available) reasons.push({ kind: 'capacity', needed: fellows.length, available });
  codes.forEach((hub, h) => {
    const eligible = fellows.filter((f) => f.allowed.includes(h)).length;
    if (eligible < minimum[h]) reasons.push({ kind: 'minimum', hub, minimum: minimum[h], eligible });
  });
  const total = minimum.reduce((s, m) => s + m, 0);
  if (reasons.length === 0 && total > fellows.length) {
    reasons.push(minimumsReason(model, new Set(codes.map((_, h) => h))));
  }
  return reasons;
}

function minimumsReason(model: PlacementModel, hubs: Set<number>): PlacementInfeasibility {
  const needing = [...hubs].filter((h) => model.minimum[h] > 0).sort((a, b) => a - b);
  return {
    kind: 'minimums',
    hubs: needing.map((h) => model.codes[h]),
    minimum: needing.reduce((s, h) => s + model.minimum[h], 0),
    fellowIds: model.fellows.filter((f) => f.allowed.some((h) => needing.includes(h))).map((f) => f.id),
  };
}

/**
 * Reads a Hall violation off the minimum cut (`reached`: the source side). With the collector on the
 * source side the cut is under n only if the hubs off it need more fellows (Σ minimums) than can
 * reach them; otherwise the fellows on it whose hubs are all on it outnumber those hubs' places.
 */
function cutInfeasibility(model: PlacementModel, reached: boolean[]): PlacementInfeasibility {
  const { codes, capacity, fellows } = model;
  const n = fellows.length;
  const hubReached = (h: number) => reached[n + 1 + h];
  if (reached[n + codes.length + 1]) {
    return minimumsReason(model, new Set(codes.map((_, h) => h).filter((h) => !hubReached(h))));
  }
  const crowd = fellows.filter((f, i) => reached[i + 1] && f.allowed.every(hubReached));
  const hubs = [...new Set(crowd.flatMap((f) => f.allowed))].sort((a, b) => a - b);
  return {
    kind: 'crowded',
    fellowIds: crowd.map((f) => f.id),
    hubs: hubs.map((h) => codes[h]),
    capacity: hubs.reduce((s, h) => s + capacity[h], 0),
  };
}

/** Validates and normalises the input: hubs by code, fellows by id, hub codes as indices. */
function buildModel(input: PlacementInput): PlacementModel {
  const fail = (code: string, message: string): never => {
    throw new PlacementInputError(`placement.${code}`, message);
  };
  const hubs = [...input.hubs].sort((a, b) => compareIds(a.code, b.code));
  const index = new Map<string, number>();
  for (const [h, hub] of hubs.entries()) {
    if (index.has(hub.code)) fail('duplicate_hub', `Duplicate hub ${hub.code}.`);
    index.set(hub.code, h);
    if (!Number.isInteger(hub.capacity) || hub.capacity < 0)
      fail('invalid_capacity', `Capacity of ${hub.code} must be an integer ≥ 0.`);
    const minimum = hub.minimum ?? 0;
    if (!Number.isInteger(minimum) || minimum < 0 || minimum > hub.capacity)
      fail('invalid_minimum', `Minimum of ${hub.code} must be an integer from 0 to its capacity.`);
  }
  const weights = input.rankWeights;
  weights.forEach((w, r) => {
    if (!Number.isInteger(w) || w < 0 || (r > 0 && w > weights[r - 1]))
      fail('invalid_rank_weights', 'Rank weights must be integers ≥ 0, non-increasing.');
  });
  const hubIndex = (code: string, fellowId: string): number =>
    index.get(code) ?? fail('unknown_hub', `Fellow ${fellowId} names unknown hub ${code}.`);

  const fellows = [...input.fellows].sort((a, b) => compareIds(a.id, b.id));
  const model = fellows.map((f, i): FellowModel => {
    if (i > 0 && fellows[i - 1].id === f.id) fail('duplicate_fellow', `Duplicate fellow ${f.id}.`);
    if (!Number.isFinite(f.score)) fail('invalid_score', `Score of ${f.id} must be a finite number.`);
    const preferences = f.preferences.map((c) => hubIndex(c, f.id));
    if (new Set(preferences).size < preferences.length)
      fail('duplicate_preference', `Fellow ${f.id} ranks a hub twice.`);
    const eligible = new Set(f.eligibleHubs.map((c) => hubIndex(c, f.id)));
    const forbidden = new Set((f.forbiddenHubs ?? []).map((c) => hubIndex(c, f.id)));
    const locked = f.lockedHub == null ? null : hubIndex(f.lockedHub, f.id);
    const allowed =
      locked === null
        ? [...eligible].filter((h) => !forbidden.has(h)).sort((a, b) => a - b)
        : forbidden.has(locked)
          ? []
          : [locked];
    return { id: f.id, score: f.score, preferences, eligible, forbidden, locked, allowed };
  });
  return {
    codes: hubs.map((h) => h.code),
    capacity: hubs.map((h) => h.capacity),
    minimum: hubs.map((h) => h.minimum ?? 0),
    fellows: model,
    points: (rank) => (rank === null ? 0 : (weights[rank - 1] ?? 0)),
  };
}

/** Code-unit order, independent of locale. */
function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
