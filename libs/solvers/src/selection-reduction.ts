import { matches, type RankedCandidate, type SelectionProblem, type ShareBound } from './selection-problem';
import { HUBS_CONSTRAINT, PINNED_IN_CONSTRAINT, PINNED_OUT_CONSTRAINT } from './selection.types';

/** The constraints in force for one solve: `size` always holds; any other may be dropped. */
export type ActiveConstraints = ReadonlySet<string>;

/** Candidates that may be selected, grouped into types whose members are interchangeable. */
export interface Pool {
  /** In rank order. */
  candidates: RankedCandidate[];
  /** The pool's members of each type, best first (a prefix of the type); a pinned one is its own type. */
  types: RankedCandidate[][];
  /** Pinned in (when that constraint is active); always in the pool. */
  pinned: Set<string>;
}

interface Type {
  /** Bit per active share: the type counts in it and it has a minimum / a maximum. */
  inMin: Uint32Array;
  inMax: Uint32Array;
  /** Bit per hub: one of the type's preferred hubs (all set when hubs are not a constraint). */
  hubs: Uint32Array;
  /** One per hub of the type (a single one when hubs are not a constraint), see candidatePool. */
  watches: Watch[];
  /** Watches not yet full: while there is one, the type's next member is kept. */
  open: number;
  /** The watches of other types (and its own) that this type's candidates count towards. */
  counts: Watch[];
}

interface Watch {
  type: Type;
  /** How many may stand in for a member seated in this hub before a next member can go. */
  bound: number;
  /** Candidates seen so far (in rank order) that can stand in for a member seated in this hub. */
  better: number;
}

/**
 * The exact reduction: drops candidates that no best selection needs.
 *
 * Candidate i can stand in for candidate j seated in hub h when i counts in every minimum share j
 * counts in, j counts in every maximum share i counts in, and i accepts hub h: replacing j by i in a
 * selection (i takes j's seat) then keeps every constraint. Take j, seated in h in some best selection,
 * and the better-ranked, unpinned candidates that can stand in for it there. If they are at least
 * `bound` — the most of them that a selection holding j can also hold (the size, the maximum of a share
 * they all count in, what the minimums of shares none of them counts in leave) — one of them is left
 * out, and swapping j for them keeps every constraint and does not lower the score. So when this holds
 * for every hub j accepts, wherever j is seated it can be swapped out; each swap lowers the sum of
 * ranks, so swapping until none is left ends in a selection as good without any such j: j can go.
 *
 * Candidates with the same share memberships and hubs form a type: they are interchangeable, the
 * counts are kept per type, and each type keeps a prefix of its members in rank order.
 */
export function candidatePool(problem: SelectionProblem, active: ActiveConstraints, reduce: boolean): Pool {
  const pinnedIn = active.has(PINNED_IN_CONSTRAINT) ? problem.pinnedIn : new Set<string>();
  const pinnedOut = active.has(PINNED_OUT_CONSTRAINT) ? problem.pinnedOut : new Set<string>();
  const hubsActive = active.has(HUBS_CONSTRAINT);
  // Pinned ones stay whatever their other pins or hubs: the model then finds them infeasible.
  const pinned = new Set([...pinnedIn]);
  const available = problem.candidates.filter(
    (c) => pinned.has(c.id) || (!pinnedOut.has(c.id) && (!hubsActive || c.hubs.length > 0)),
  );
  if (!reduce) return { candidates: available, types: available.map((c) => [c]), pinned };

  // Shares with neither a minimum nor a maximum constrain nothing.
  const shares = problem.shares.filter((s) => active.has(s.id) && (s.atLeast > 0 || s.atMost < problem.size));
  const hubIndex = new Map(problem.hubs.map((hub, h) => [hub, h]));
  const types = new Map<string, Type>();
  const typeOf = new Map<RankedCandidate, Type>();
  for (const candidate of available) {
    if (pinned.has(candidate.id)) continue;
    let key = '';
    for (const share of shares) key += matches(candidate, share) ? '1' : '0';
    const hubs = hubsActive
      ? candidate.hubs.map((hub) => hubIndex.get(hub)!).sort((x, y) => x - y)
      : problem.hubs.map((_, h) => h);
    key += `|${hubs.join()}`;
    let type = types.get(key);
    if (!type) {
      type = newType(candidate, shares, problem.size, hubs, problem.hubs.length);
      types.set(key, type);
    }
    typeOf.set(candidate, type);
  }

  const all = [...types.values()];
  let open = 0;
  for (const type of all) {
    const standIns = all.filter((other) => sharesStandIn(other, type));
    const hubs = hubsActive ? problem.hubs.map((_, h) => h).filter((h) => has(type.hubs, h)) : [-1];
    for (const h of hubs) {
      const here = h < 0 ? standIns : standIns.filter((other) => has(other.hubs, h));
      const watch: Watch = { type, bound: seatsLeftFor(problem.size, shares, here), better: 0 };
      type.watches.push(watch);
      if (watch.bound > 0) type.open++;
      for (const other of here) other.counts.push(watch);
    }
    if (type.open > 0) open++;
  }

  // In rank order: a candidate is kept while one of its type's watches is not full, then counted.
  const kept = new Map<Type, RankedCandidate[]>();
  const candidates = available.filter((candidate) => {
    if (pinned.has(candidate.id)) return true;
    if (open === 0) return false;
    const type = typeOf.get(candidate)!;
    const keep = type.open > 0;
    for (const watch of type.counts) {
      if (watch.better < watch.bound && ++watch.better === watch.bound && --watch.type.open === 0) open--;
    }
    if (keep) {
      const members = kept.get(type) ?? [];
      if (!members.length) kept.set(type, members);
      members.push(candidate);
    }
    return keep;
  });
  const pinnedTypes = candidates.filter((c) => pinned.has(c.id)).map((c) => [c]);
  return { candidates, types: [...kept.values(), ...pinnedTypes], pinned };
}

function newType(example: RankedCandidate, shares: ShareBound[], size: number, hubs: number[], hubCount: number): Type {
  const words = (n: number): number => Math.max(1, Math.ceil(n / 32));
  const type: Type = {
    inMin: new Uint32Array(words(shares.length)),
    inMax: new Uint32Array(words(shares.length)),
    hubs: new Uint32Array(words(hubCount)),
    watches: [],
    open: 0,
    counts: [],
  };
  shares.forEach((share, s) => {
    if (!matches(example, share)) return;
    if (share.atLeast > 0) set(type.inMin, s);
    if (share.atMost < size) set(type.inMax, s);
  });
  for (const h of hubs) set(type.hubs, h);
  return type;
}

/**
 * The most seats candidates of these types can hold together in a selection: no more than the maximum
 * of a share they all count in, and no more than what the minimums of shares none of them counts in
 * leave. Shares on one attribute with different values count different people, so their minimums add
 * up; across attributes the same person may count twice, so the largest attribute total is used.
 */
function seatsLeftFor(size: number, shares: ShareBound[], types: Type[]): number {
  if (!types.length) return size;
  const allInMax = types[0].inMax.slice();
  const anyInMin = types[0].inMin.slice();
  for (const t of types) {
    for (let w = 0; w < allInMax.length; w++) {
      allInMax[w] &= t.inMax[w];
      anyInMin[w] |= t.inMin[w];
    }
  }
  let seats = size;
  const reserved = new Map<ShareBound['attribute'], Map<string, number>>();
  shares.forEach((share, s) => {
    if (share.atMost < size && has(allInMax, s)) seats = Math.min(seats, share.atMost);
    if (share.atLeast > 0 && !has(anyInMin, s)) {
      const byValue = reserved.get(share.attribute) ?? new Map<string, number>();
      byValue.set(share.value, Math.max(byValue.get(share.value) ?? 0, share.atLeast));
      reserved.set(share.attribute, byValue);
    }
  });
  for (const byValue of reserved.values()) {
    seats = Math.min(seats, size - [...byValue.values()].reduce((sum, n) => sum + n, 0));
  }
  return seats;
}

/** As far as shares go, replacing a member of `type` by one of `other` keeps every active constraint. */
function sharesStandIn(other: Type, type: Type): boolean {
  return (
    subset(type.inMin, other.inMin) && // every minimum the type helps, the other helps too
    subset(other.inMax, type.inMax) // every maximum the other fills, the type filled too
  );
}

function subset(a: Uint32Array, b: Uint32Array): boolean {
  for (let w = 0; w < a.length; w++) if ((a[w] & ~b[w]) !== 0) return false;
  return true;
}

function has(bits: Uint32Array, i: number): boolean {
  return (bits[i >> 5] & (1 << (i & 31))) !== 0;
}

function set(bits: Uint32Array, i: number): void {
  bits[i >> 5] |= 1 << (i & 31);
}
