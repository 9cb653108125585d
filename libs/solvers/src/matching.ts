import {
  pairScore,
  prepareFellow,
  prepareMentor,
  preparedCompatibility,
  sameOrganisation,
  type PreparedFellow,
  type PreparedMentor,
} from './compatibility';
import { MaxFlow } from './max-flow';
import { MinCostFlow } from './min-cost-flow';
import {
  MatchingInputError,
  type Compatibility,
  type MatchedPair,
  type MatchingInfeasibility,
  type MatchingInput,
  type MatchingPairRef,
  type MatchingResult,
  type PairObstacle,
} from './matching.types';

/**
 * Mentor matching of the fellows abroad (issue 6): one mentor per fellow within capacities, with a
 * common language, never a conflicted or forbidden pair, locks kept; the fairest matching first.
 */

/**
 * The pairs the unlocked fellows may have, as flat arrays (30,000 pairs at 100 × 300): pairs
 * first[i] … first[i + 1] − 1 are those of the i-th unlocked fellow.
 */
interface Edges {
  first: number[];
  mentor: number[];
  score: number[];
}

interface MatchingModel {
  fellows: PreparedFellow[];
  mentors: PreparedMentor[];
  /** Per fellow, the locked mentor's index or -1. */
  lockedTo: number[];
  /** Places left per mentor after the locks (may be negative when locks exceed the capacity). */
  room: number[];
  /** Why a pair may not be made, or null when it may (capacity aside). */
  obstacle: (f: number, m: number) => Exclude<PairObstacle, 'capacity'> | null;
  compatibility: (f: number, m: number) => Compatibility | null;
  /** The compatibility score alone (no reasons allocated), or null when a rule forbids the pair. */
  allowedScore: (f: number, m: number) => number | null;
}

/**
 * Gives every fellow one mentor, exactly optimal for a lexicographic objective over the unlocked
 * fellows: first the highest possible lowest score (the fairness floor), then the highest total.
 * Never throws for a state of the data; throws {@link MatchingInputError} for malformed input.
 * Deterministic: the same input in any order gives the same result.
 *
 * Method: the floor is the largest distinct pair score t for which the pairs scoring ≥ t still give
 * every unlocked fellow a mentor (a binary search, each step a maximum flow by Dinic); then a
 * minimum-cost flow over those pairs, cost = best score − score, gives the highest total. Locked
 * pairs are fixed beforehand and take their mentor's places.
 */
export function matchMentors(input: MatchingInput): MatchingResult {
  const model = buildModel(input);
  const { fellows, mentors, lockedTo, room } = model;

  const reasons: MatchingInfeasibility[] = lockInfeasibilities(model);
  const free = fellows.map((_, f) => f).filter((f) => lockedTo[f] < 0);
  const edges: Edges = { first: [0], mentor: [], score: [] };
  for (const f of free) {
    for (let m = 0; m < mentors.length; m++) {
      const score = room[m] > 0 ? model.allowedScore(f, m) : null;
      if (score === null) continue;
      edges.mentor.push(m);
      edges.score.push(score);
    }
    if (edges.mentor.length === edges.first[edges.first.length - 1]) reasons.push(noMentor(model, f));
    edges.first.push(edges.mentor.length);
  }
  const available = mentors.reduce((s, m) => s + m.mentor.capacity, 0);
  if (fellows.length > available) reasons.push({ kind: 'capacity', needed: fellows.length, available });
  if (reasons.length > 0) return { status: 'infeasible', reasons };

  const all = maximumMatching(model, edges, -Infinity);
  if (all.flow < free.length) return { status: 'infeasible', reasons: [crowded(model, free, edges, all.reached)] };

  const scores = [...new Set(edges.score)].sort((a, b) => a - b);
  let lo = 0; // scores[lo] is a feasible floor
  let hi = scores.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (maximumMatching(model, edges, scores[mid]).flow === free.length) lo = mid;
    else hi = mid - 1;
  }
  const floor = free.length === 0 ? null : scores[lo];
  const chosen = bestTotal(model, edges, floor ?? -Infinity);
  const position = new Array<number>(fellows.length);
  free.forEach((f, i) => (position[f] = i));

  const pairs: MatchedPair[] = fellows.map((f, i) => {
    const m = lockedTo[i] >= 0 ? lockedTo[i] : chosen[position[i]];
    const { score, reasons: parts } = model.compatibility(i, m)!;
    return { fellowId: f.fellow.id, mentorId: mentors[m].mentor.id, score, reasons: parts, locked: lockedTo[i] >= 0 };
  });
  return {
    status: 'optimal',
    pairs,
    minScore: floor,
    totalScore: pairs.reduce((s, p) => s + p.score, 0),
  };
}

/** Maximum matching of the unlocked fellows over the pairs scoring ≥ `threshold`. */
function maximumMatching(model: MatchingModel, edges: Edges, threshold: number) {
  const F = edges.first.length - 1;
  const M = model.mentors.length;
  const network = new MaxFlow(F + M + 2);
  const source = F + M;
  const sink = source + 1;
  for (let i = 0; i < F; i++) {
    network.addArc(source, i, 1);
    for (let e = edges.first[i]; e < edges.first[i + 1]; e++)
      if (edges.score[e] >= threshold) network.addArc(i, F + edges.mentor[e], 1);
  }
  model.room.forEach((r, m) => {
    if (r > 0) network.addArc(F + m, sink, r);
  });
  const flow = network.solve(source, sink);
  return { flow, reached: flow < F ? network.reachable(source) : [] };
}

/** The highest-total matching over the pairs scoring ≥ `floor`: the mentor of each unlocked fellow. */
function bestTotal(model: MatchingModel, edges: Edges, floor: number): number[] {
  const F = edges.first.length - 1;
  const M = model.mentors.length;
  const best = edges.score.reduce((a, b) => Math.max(a, b), 0);
  const network = new MinCostFlow(F + M + 2);
  const source = F + M;
  const sink = source + 1;
  const arcs: Array<[number, number]> = [];
  for (let i = 0; i < F; i++) {
    network.addArc(source, i, 1, 0);
    for (let e = edges.first[i]; e < edges.first[i + 1]; e++)
      if (edges.score[e] >= floor) arcs.push([e, network.addArc(i, F + edges.mentor[e], 1, best - edges.score[e])]);
  }
  model.room.forEach((r, m) => {
    if (r > 0) network.addArc(F + m, sink, r, 0);
  });
  network.solve(source, sink);
  const chosen = new Array<number>(F).fill(-1);
  let i = 0;
  for (const [e, arc] of arcs) {
    while (edges.first[i + 1] <= e) i++;
    if (network.flow(arc) > 0) chosen[i] = edges.mentor[e];
  }
  return chosen;
}

/** Every lock that breaks a hard rule; a mentor with more locks than places invalidates each of its locks. */
function lockInfeasibilities(model: MatchingModel): MatchingInfeasibility[] {
  const { fellows, mentors, lockedTo, room } = model;
  const reasons: MatchingInfeasibility[] = [];
  lockedTo.forEach((m, f) => {
    if (m < 0) return;
    const ref = { fellowId: fellows[f].fellow.id, mentorId: mentors[m].mentor.id };
    const why = model.obstacle(f, m);
    if (why !== null) reasons.push({ kind: 'lock_invalid', ...ref, why });
    if (room[m] < 0) reasons.push({ kind: 'lock_invalid', ...ref, why: 'capacity' });
  });
  return reasons;
}

function noMentor(model: MatchingModel, f: number): MatchingInfeasibility {
  const counts = { sharedLanguage: 0, forbidden: 0, conflicted: 0, full: 0 };
  model.mentors.forEach((_, m) => {
    if (model.compatibility(f, m) === null) return;
    const why = model.obstacle(f, m);
    counts.sharedLanguage++;
    if (why === 'forbidden') counts.forbidden++;
    else if (why === 'conflict') counts.conflicted++;
    else counts.full++;
  });
  const why = counts.sharedLanguage === 0 ? 'no_common_language' : 'excluded';
  return { kind: 'no_mentor', fellowId: model.fellows[f].fellow.id, why, ...counts };
}

/**
 * Reads a Hall violation off the minimum cut (`reached`: its source side): the reached fellows whose
 * possible mentors are all reached outnumber those mentors' places left.
 */
function crowded(model: MatchingModel, free: number[], edges: Edges, reached: boolean[]): MatchingInfeasibility {
  const F = free.length;
  const mentorsOf = (i: number) => edges.mentor.slice(edges.first[i], edges.first[i + 1]);
  const crowd = free.map((_, i) => i).filter((i) => reached[i] && mentorsOf(i).every((m) => reached[F + m]));
  const mentors = [...new Set(crowd.flatMap(mentorsOf))].sort((a, b) => a - b);
  return {
    kind: 'crowded',
    fellowIds: crowd.map((i) => model.fellows[free[i]].fellow.id),
    mentorIds: mentors.map((m) => model.mentors[m].mentor.id),
    capacity: mentors.reduce((s, m) => s + model.room[m], 0),
  };
}

/** Validates and normalises the input: fellows and mentors sorted by id, pairs as index sets. */
function buildModel(input: MatchingInput): MatchingModel {
  const fail = (code: string, message: string): never => {
    throw new MatchingInputError(`matching.${code}`, message);
  };
  for (const [name, w] of Object.entries(input.weights))
    if (!Number.isInteger(w) || w < 0) fail('invalid_weight', `Weight ${name} must be an integer ≥ 0.`);
  const fellows = [...input.fellows].sort((a, b) => compareIds(a.id, b.id));
  const mentors = [...input.mentors].sort((a, b) => compareIds(a.id, b.id));
  fellows.forEach((f, i) => {
    if (i > 0 && fellows[i - 1].id === f.id) fail('duplicate_fellow', `Duplicate fellow ${f.id}.`);
  });
  mentors.forEach((m, i) => {
    if (i > 0 && mentors[i - 1].id === m.id) fail('duplicate_mentor', `Duplicate mentor ${m.id}.`);
    if (!Number.isInteger(m.capacity) || m.capacity < 0)
      fail('invalid_capacity', `Capacity of mentor ${m.id} must be an integer ≥ 0.`);
  });
  const fellowIndex = new Map(fellows.map((f, i) => [f.id, i]));
  const mentorIndex = new Map(mentors.map((m, i) => [m.id, i]));
  const M = mentors.length;
  const pairSet = (pairs: readonly MatchingPairRef[]) => {
    const set = new Set<number>();
    for (const p of pairs) {
      const f = fellowIndex.get(p.fellowId);
      const m = mentorIndex.get(p.mentorId);
      if (f !== undefined && m !== undefined) set.add(f * M + m);
    }
    return set;
  };
  const declared = pairSet(input.conflicts);
  const forbidden = pairSet(input.forbidden);

  const lockedTo = fellows.map(() => -1);
  const room = mentors.map((m) => m.capacity);
  for (const p of input.locked) {
    const f = fellowIndex.get(p.fellowId);
    const m = mentorIndex.get(p.mentorId);
    if (f === undefined || m === undefined)
      return fail('unknown_lock', `Lock ${p.fellowId} / ${p.mentorId} names a fellow or mentor outside the input.`);
    if (lockedTo[f] === m) continue;
    if (lockedTo[f] >= 0) fail('double_lock', `Fellow ${p.fellowId} is locked to two mentors.`);
    lockedTo[f] = m;
    room[m]--;
  }

  const preparedFellows = fellows.map(prepareFellow);
  const preparedMentors = mentors.map(prepareMentor);
  const excluded = (f: number, m: number) => {
    if (forbidden.has(f * M + m)) return 'forbidden';
    if (declared.has(f * M + m) || sameOrganisation(preparedFellows[f], preparedMentors[m])) return 'conflict';
    return null;
  };
  const score = (f: number, m: number) => pairScore(preparedFellows[f], preparedMentors[m], input.weights);
  return {
    fellows: preparedFellows,
    mentors: preparedMentors,
    lockedTo,
    room,
    compatibility: (f, m) => preparedCompatibility(preparedFellows[f], preparedMentors[m], input.weights),
    allowedScore: (f, m) => (excluded(f, m) === null ? score(f, m) : null),
    obstacle: (f, m) => excluded(f, m) ?? (score(f, m) === null ? 'no_common_language' : null),
  };
}

/** Code-unit order, independent of locale. */
function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
