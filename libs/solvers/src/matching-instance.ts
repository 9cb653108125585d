import { EXPERTISE_AREAS, FELLOWSHIP_HUBS, SECTORS, mulberry32 } from './fellowship-data';
import type { MatchingFellow, MatchingInput, MatchingMentor, MatchingPairRef, MatchingWeights } from './matching.types';

/** Size and shape of a generated matching problem; see {@link generateMatchingInput}. */
export interface MatchingInstanceOptions {
  fellows: number;
  mentors: number;
  /** Declared conflicts on random pairs; default fellows / 10. */
  conflicts?: number;
  /** Locks on random fellows (to a mentor sharing a language); default 0. */
  locks?: number;
  /** Forbidden random pairs; default fellows / 10. */
  forbids?: number;
  /** Same seed, same instance; default 1. */
  seed?: number;
}

/** The weights the generated instances use: expertise and the hub's language matter most. */
export const DEFAULT_MATCHING_WEIGHTS: MatchingWeights = {
  sector: 3,
  expertise: 2,
  localLanguage: 3,
  sameCity: 2,
  nearbyTimezone: 1,
};

const ORGANISATIONS = ['VinaCapital', 'FPT', 'Viettel', 'Techcombank', 'Vinamilk', 'Sài Gòn Co.op', 'Masan'];
const MENTOR_CITIES = [
  { city: 'Singapore', utcOffsetMinutes: 480, local: 'en' },
  { city: 'Tokyo', utcOffsetMinutes: 540, local: 'ja' },
  { city: 'Osaka', utcOffsetMinutes: 540, local: 'ja' },
  { city: 'Seoul', utcOffsetMinutes: 540, local: 'ko' },
  { city: 'Berlin', utcOffsetMinutes: 60, local: 'de' },
  { city: 'Paris', utcOffsetMinutes: 60, local: 'fr' },
  { city: 'Hồ Chí Minh', utcOffsetMinutes: 420, local: 'vi' },
  { city: 'Hà Nội', utcOffsetMinutes: 420, local: 'vi' },
];

/**
 * A reproducible, realistic matching problem: fellows of the 13 sectors in the four hubs, with 1 to 3
 * goals, Vietnamese and mostly English, some the hub's language; mentors in the hub cities, other
 * cities or remote, with 1 to 3 sectors, 2 to 4 expertise areas, English mostly plus their local
 * language, 1 to 3 places; some from the same organisations as fellows. Capacity is ample.
 */
export function generateMatchingInput(options: MatchingInstanceOptions): MatchingInput {
  const { fellows: n, mentors: m, seed = 1 } = options;
  const { conflicts = Math.floor(n / 10), locks = 0, forbids = Math.floor(n / 10) } = options;
  const random = mulberry32(seed);
  const pick = (count: number) => Math.floor(random() * count);
  const some = <T>(list: readonly T[], min: number, max: number): T[] => {
    const chosen = new Set<T>();
    const count = min + pick(max - min + 1);
    while (chosen.size < Math.min(count, list.length)) chosen.add(list[pick(list.length)]);
    return [...chosen];
  };
  const organisation = () => (random() < 0.3 ? ORGANISATIONS[pick(ORGANISATIONS.length)] : null);

  const fellows: MatchingFellow[] = Array.from({ length: n }, (_, i) => {
    const hub = FELLOWSHIP_HUBS[pick(FELLOWSHIP_HUBS.length)];
    const languages = ['vi'];
    if (random() < 0.85) languages.push('en');
    if (hub.languages[0] !== 'en' && random() < 0.3) languages.push(hub.languages[0]);
    return {
      id: `fellow-${String(i + 1).padStart(4, '0')}`,
      sector: random() < 0.05 ? null : SECTORS[pick(SECTORS.length)],
      goals: some(EXPERTISE_AREAS, 1, 3),
      languages,
      organisation: organisation(),
      hub: { code: hub.code, city: hub.city, utcOffsetMinutes: hub.utcOffsetMinutes, languages: [...hub.languages] },
    };
  });
  const mentors: MatchingMentor[] = Array.from({ length: m }, (_, i) => {
    const remote = random() < 0.15;
    const place = MENTOR_CITIES[pick(MENTOR_CITIES.length)];
    const languages = new Set<string>([place.local]);
    if (random() < 0.85) languages.add('en');
    if (random() < 0.1) languages.add('vi');
    return {
      id: `mentor-${String(i + 1).padStart(4, '0')}`,
      name: `Mentor ${i + 1}`,
      sectors: some(SECTORS, 1, 3),
      expertise: some(EXPERTISE_AREAS, 2, 4),
      languages: [...languages],
      city: remote ? null : place.city,
      utcOffsetMinutes: remote ? null : place.utcOffsetMinutes,
      capacity: 1 + pick(3),
      organisation: organisation(),
    };
  });

  const pairs = (count: number): MatchingPairRef[] => {
    const chosen = new Map<string, MatchingPairRef>();
    while (chosen.size < Math.min(count, n * m)) {
      const p = { fellowId: fellows[pick(n)].id, mentorId: mentors[pick(m)].id };
      chosen.set(`${p.fellowId}/${p.mentorId}`, p);
    }
    return [...chosen.values()];
  };
  const locked: MatchingPairRef[] = [];
  const load = new Map<string, number>();
  for (const f of fellows.slice(0, Math.min(locks, n))) {
    const mentor = mentors.find(
      (x) =>
        x.languages.some((l) => f.languages.includes(l)) &&
        (load.get(x.id) ?? 0) < x.capacity &&
        (x.organisation === null || x.organisation !== f.organisation),
    );
    if (mentor === undefined) continue;
    load.set(mentor.id, (load.get(mentor.id) ?? 0) + 1);
    locked.push({ fellowId: f.id, mentorId: mentor.id });
  }
  const lockedKeys = new Set(locked.map((p) => `${p.fellowId}/${p.mentorId}`));
  const notLocked = (p: MatchingPairRef) => !lockedKeys.has(`${p.fellowId}/${p.mentorId}`);
  return {
    fellows,
    mentors,
    weights: { ...DEFAULT_MATCHING_WEIGHTS },
    conflicts: pairs(conflicts).filter(notLocked),
    locked,
    forbidden: pairs(forbids).filter(notLocked),
  };
}
