/** Reference data of the fellowship abroad (issue 6), shared by the generators and the callers. */

/** Expertise areas a mentor covers and a fellow may want. */
export const EXPERTISE_AREAS = [
  'finance',
  'legal',
  'export_logistics',
  'marketing',
  'technology',
  'esg',
  'operations',
  'fundraising',
] as const;

export type ExpertiseArea = (typeof EXPERTISE_AREAS)[number];

/** Enterprise sectors: the programme's one list (applications validate against it, mentors use it). */
export const SECTORS = [
  'agriculture_food',
  'manufacturing',
  'technology',
  'fintech',
  'logistics',
  'retail_ecommerce',
  'tourism_hospitality',
  'healthcare',
  'education',
  'energy_environment',
  'textiles_fashion',
  'creative_media',
  'other',
] as const;

/** The hubs abroad, with their city, UTC offset and local languages. */
export const FELLOWSHIP_HUBS = [
  { code: 'SG', city: 'Singapore', utcOffsetMinutes: 480, languages: ['en'] },
  { code: 'JP', city: 'Tokyo', utcOffsetMinutes: 540, languages: ['ja'] },
  { code: 'KR', city: 'Seoul', utcOffsetMinutes: 540, languages: ['ko'] },
  { code: 'EU', city: 'Berlin', utcOffsetMinutes: 60, languages: ['de'] },
] as const;

/** Small, fast, seedable PRNG (public domain); returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
