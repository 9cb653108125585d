import type { AssignmentInput, AssignmentPair } from './assignment';

/** Size and shape of a generated assignment problem; see {@link generateAssignmentInput}. */
export interface AssignmentInstanceOptions {
  applications: number;
  reviewers: number;
  /** Reviewers per application; default 3. */
  k?: number;
  /** Number of distinct sectors; default 13. */
  sectors?: number;
  /** Random conflicted pairs (distinct); default 0. */
  conflicts?: number;
  /** Same seed, same instance; default 1. */
  seed?: number;
}

/**
 * A reproducible, realistic-looking assignment problem for benchmarks and scale tests: each
 * application has one of `sectors` sectors (1 in 20 has none), each reviewer covers 1 to 3 sectors,
 * and `conflicts` random pairs are conflicted. Ids are zero-padded so that their order is numeric.
 */
export function generateAssignmentInput(options: AssignmentInstanceOptions): AssignmentInput {
  const { applications: n, reviewers: m, k = 3, sectors = 13, conflicts = 0, seed = 1 } = options;
  const random = mulberry32(seed);
  const pick = (count: number) => Math.floor(random() * count);
  const sectorName = (s: number) => `sector-${String(s + 1).padStart(2, '0')}`;
  const applicationId = (i: number) => `app-${String(i + 1).padStart(6, '0')}`;
  const reviewerId = (i: number) => `rev-${String(i + 1).padStart(4, '0')}`;

  const applications = Array.from({ length: n }, (_, i) => ({
    id: applicationId(i),
    sector: random() < 0.05 ? null : sectorName(pick(sectors)),
  }));
  const reviewers = Array.from({ length: m }, (_, i) => {
    const own = new Set<string>();
    const count = 1 + pick(3);
    while (own.size < Math.min(count, sectors)) own.add(sectorName(pick(sectors)));
    return { id: reviewerId(i), sectors: [...own].sort() };
  });
  const pairs = new Map<string, AssignmentPair>();
  const wanted = Math.min(conflicts, n * m);
  while (pairs.size < wanted) {
    const a = pick(n);
    const r = pick(m);
    pairs.set(`${a}/${r}`, { applicationId: applicationId(a), reviewerId: reviewerId(r) });
  }
  return { applications, reviewers, k, conflicts: [...pairs.values()] };
}

/** Small, fast, seedable PRNG (public domain); returns floats in [0, 1). */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
