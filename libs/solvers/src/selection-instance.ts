import type { SelectionCandidate, SelectionInput } from './selection.types';

/** Size and shape of a generated selection problem; see {@link generateSelectionInput}. */
export interface SelectionInstanceOptions {
  candidates: number;
  /** Seats; default 100. */
  size?: number;
  /** Same seed, same instance; default 1. */
  seed?: number;
}

export const INSTANCE_REGIONS = ['north', 'central', 'south'] as const;
export const INSTANCE_SECTORS = [
  'agriculture',
  'manufacturing',
  'technology',
  'services',
  'tourism',
  'finance',
  'logistics',
  'energy',
] as const;
export const INSTANCE_HUBS = ['SG', 'JP', 'KR', 'EU'] as const;

/**
 * A reproducible selection problem with quotas that bind, for benchmarks and scale tests. Candidates
 * come from three regions (about 5:2:4, 1 in 100 without one), are women (40 %), men (57 %) or another
 * gender (2 %) or did not say, work in one of eight sectors (technology the largest) and rank 1 to 4
 * hubs. Scores are rubric means in steps of 1/16 between 1 and 5, a little higher on average for men,
 * the south and technology, so the unconstrained top is unbalanced. The constraints: at least 30 % from
 * each region, at least 40 % women, at most 25 % from any one sector, and hub seats for 106 % of the
 * size, split 30/30/23/23 %. Ids are zero-padded so their order is numeric.
 */
export function generateSelectionInput(options: SelectionInstanceOptions): SelectionInput {
  const { candidates: n, size = 100, seed = 1 } = options;
  const random = mulberry32(seed);
  const weighted = <T>(values: readonly T[], weights: number[]): T => {
    let x = random() * weights.reduce((sum, w) => sum + w, 0);
    for (const [i, w] of weights.entries()) if ((x -= w) < 0) return values[i];
    return values[values.length - 1];
  };

  const candidates = Array.from({ length: n }, (_, i): SelectionCandidate => {
    const region = random() < 0.01 ? null : weighted(INSTANCE_REGIONS, [5, 2, 4]);
    const gender = random() < 0.01 ? null : weighted(['female', 'male', 'other'], [40, 57, 2]);
    const sector = weighted(INSTANCE_SECTORS, [1, 2, 5, 3, 1, 1, 1, 1]);
    const hubs = [...INSTANCE_HUBS];
    for (let h = hubs.length - 1; h > 0; h--) {
      const j = Math.floor(random() * (h + 1));
      [hubs[h], hubs[j]] = [hubs[j], hubs[h]];
    }
    const bonus =
      (gender === 'male' ? 0.4 : 0) + (region === 'south' ? 0.25 : 0) + (sector === 'technology' ? 0.15 : 0);
    const score = Math.min(5, Math.round((1 + 3.4 * random() + bonus) * 16) / 16);
    return {
      id: `cand-${String(i + 1).padStart(6, '0')}`,
      score,
      region,
      gender,
      sector,
      hubPreferences: hubs.slice(0, 1 + Math.floor(random() * hubs.length)),
    };
  });
  const seats = [0.3, 0.3, 0.23, 0.23];
  return {
    candidates,
    size,
    hubCapacities: Object.fromEntries(INSTANCE_HUBS.map((hub, h) => [hub, Math.round(size * seats[h])])),
    shares: [
      ...INSTANCE_REGIONS.map((region) => ({
        id: `region-${region}`,
        attribute: 'region' as const,
        value: region,
        min: 0.3,
      })),
      { id: 'women', attribute: 'gender', value: 'female', min: 0.4 },
      ...INSTANCE_SECTORS.map((sector) => ({
        id: `sector-${sector}`,
        attribute: 'sector' as const,
        value: sector,
        max: 0.25,
      })),
    ],
  };
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
