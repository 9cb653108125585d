import { FELLOWSHIP_HUBS, mulberry32 } from './fellowship-data';
import type { PlacementFellow, PlacementHub, PlacementInput } from './placement.types';

/** Size and shape of a generated placement problem; see {@link generatePlacementInput}. */
export interface PlacementInstanceOptions {
  fellows: number;
  /** How many of SG, JP, KR, EU (in that order); default 4. */
  hubs?: number;
  /** Places over fellows, spread over the hubs by popularity; default 1.2. */
  slack?: number;
  /** Staff locks on random fellows (to a hub they may go to); default 0. */
  locks?: number;
  /** Staff forbids on random fellow-hub pairs; default 0. */
  forbids?: number;
  /** Same seed, same instance; default 1. */
  seed?: number;
}

/** Who may go where: English for Singapore; Japanese for Tokyo; Korean or English for Seoul; German or English for Berlin. */
const LANGUAGE_RULE: Record<string, string[]> = { SG: ['en'], JP: ['ja'], KR: ['ko', 'en'], EU: ['de', 'en'] };
/** How often a hub is a first choice, roughly. */
const POPULARITY: Record<string, number> = { SG: 0.35, JP: 0.3, KR: 0.2, EU: 0.15 };

/**
 * A reproducible, realistic placement problem: most fellows speak English, some Japanese, Korean or
 * German; they rank 2 to all hubs, popular hubs first more often; Tokyo needs a minimum of a tenth
 * of the fellows (no more than its Japanese speakers). Feasible unless locks and forbids make it not.
 */
export function generatePlacementInput(options: PlacementInstanceOptions): PlacementInput {
  const { fellows: n, hubs: hubCount = 4, slack = 1.2, locks = 0, forbids = 0, seed = 1 } = options;
  const random = mulberry32(seed);
  const pick = (count: number) => Math.floor(random() * count);
  const codes = FELLOWSHIP_HUBS.slice(0, Math.max(1, Math.min(4, hubCount))).map((h) => h.code as string);
  const fellowId = (i: number) => `fellow-${String(i + 1).padStart(4, '0')}`;

  const fellows: PlacementFellow[] = Array.from({ length: n }, (_, i) => {
    const languages = new Set<string>(['vi']);
    if (random() < 0.9) languages.add('en');
    if (random() < 0.2) languages.add('ja');
    if (random() < 0.12) languages.add('ko');
    if (random() < 0.08) languages.add('de');
    if (!languages.has('en') && !['ja', 'ko', 'de'].some((l) => languages.has(l))) languages.add('en');
    const eligibleHubs = codes.filter((c) => LANGUAGE_RULE[c].some((l) => languages.has(l)));
    const weighted = codes.map((c) => ({ c, key: Math.pow(random(), 1 / POPULARITY[c]) }));
    const ranked = weighted.sort((a, b) => b.key - a.key).map((w) => w.c);
    const preferences = ranked.slice(0, Math.min(codes.length, 2 + pick(codes.length - 1)));
    return { id: fellowId(i), score: Math.round((2 + 3 * random()) * 1000) / 1000, preferences, eligibleHubs };
  });

  const total = Math.ceil(n * slack);
  const share = codes.reduce((s, c) => s + POPULARITY[c], 0);
  const capacities = codes.map((c) => Math.max(1, Math.round((total * POPULARITY[c]) / share)));
  // Enough room for everyone who may only go to one hub.
  codes.forEach((c, h) => {
    const only = fellows.filter((f) => f.eligibleHubs.length === 1 && f.eligibleHubs[0] === c).length;
    capacities[h] = Math.max(capacities[h], only);
  });
  const hubs: PlacementHub[] = codes.map((code, h) => {
    if (code !== 'JP') return { code, capacity: capacities[h] };
    const speakers = fellows.filter((f) => f.eligibleHubs.includes('JP')).length;
    return { code, capacity: capacities[h], minimum: Math.min(Math.floor(n / 10), speakers, capacities[h]) };
  });

  for (let k = 0; k < Math.min(locks, n); k++) {
    const f = fellows[pick(n)];
    if (f.eligibleHubs.length > 0) f.lockedHub = f.eligibleHubs[pick(f.eligibleHubs.length)];
  }
  for (let k = 0; k < forbids; k++) {
    const f = fellows[pick(n)];
    const hub = codes[pick(codes.length)];
    if (f.eligibleHubs.length > 1 && f.lockedHub !== hub && !(f.forbiddenHubs ?? []).includes(hub))
      f.forbiddenHubs = [...(f.forbiddenHubs ?? []), hub];
  }
  return { hubs, fellows, rankWeights: [10, 6, 3, 1] };
}
