import type { Compatibility, MatchReason, MatchingFellow, MatchingMentor, MatchingWeights } from './matching.types';

/** How far apart two time zones may be and still count as nearby. */
const NEARBY_MINUTES = 180;

/** A name compared case- and diacritic-insensitively: NFD, marks stripped, lower-case, trimmed. */
export function normaliseName(name: string | null | undefined): string {
  return (name ?? '').normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();
}

const normaliseLanguage = (code: string) => code.trim().toLowerCase();

/** A fellow with their comparisons worked out once. */
export interface PreparedFellow {
  fellow: MatchingFellow;
  languages: string[];
  /** Wanted goals, each once. */
  goals: string[];
  local: Set<string>;
  city: string;
  organisation: string;
}

/** A mentor with their comparisons worked out once. */
export interface PreparedMentor {
  mentor: MatchingMentor;
  languages: Set<string>;
  sectors: Set<string>;
  expertise: Set<string>;
  city: string;
  organisation: string;
}

export function prepareFellow(fellow: MatchingFellow): PreparedFellow {
  return {
    fellow,
    languages: [...new Set(fellow.languages.map(normaliseLanguage))],
    goals: [...new Set(fellow.goals)],
    local: new Set((fellow.hub?.languages ?? []).map(normaliseLanguage)),
    city: normaliseName(fellow.hub?.city),
    organisation: normaliseName(fellow.organisation),
  };
}

export function prepareMentor(mentor: MatchingMentor): PreparedMentor {
  return {
    mentor,
    languages: new Set(mentor.languages.map(normaliseLanguage)),
    sectors: new Set(mentor.sectors),
    expertise: new Set(mentor.expertise),
    city: normaliseName(mentor.city),
    organisation: normaliseName(mentor.organisation),
  };
}

/** Same organisation (normalised, non-empty): a conflict whether declared or not. */
export function sameOrganisation(f: PreparedFellow, m: PreparedMentor): boolean {
  return f.organisation !== '' && f.organisation === m.organisation;
}

/**
 * How well a mentor suits a fellow: the sum of typed parts, each with its points, or null when they
 * share no language (a hard rule). Parts: the fellow's sector among the mentor's; the wanted goals
 * the mentor covers (points per goal); the shared languages (points when one is a local language of
 * the fellow's hub); the same city as the hub; else a time zone within 3 hours of the hub's.
 */
export function compatibility(
  fellow: MatchingFellow,
  mentor: MatchingMentor,
  weights: MatchingWeights,
): Compatibility | null {
  return preparedCompatibility(prepareFellow(fellow), prepareMentor(mentor), weights);
}

export function preparedCompatibility(
  f: PreparedFellow,
  m: PreparedMentor,
  weights: MatchingWeights,
): Compatibility | null {
  const reasons: MatchReason[] = [];
  const score = pairScore(f, m, weights, reasons);
  return score === null ? null : { score, reasons };
}

/**
 * The score of a pair, or null without a common language; its parts are pushed to `reasons` when
 * given. One function for both, so that the score the solver optimises is the one it explains; the
 * matching calls it without `reasons` on every pair, which allocates nothing.
 */
export function pairScore(
  f: PreparedFellow,
  m: PreparedMentor,
  weights: MatchingWeights,
  reasons?: MatchReason[],
): number | null {
  let shared = 0;
  let local = false;
  for (const l of f.languages) {
    if (!m.languages.has(l)) continue;
    shared++;
    if (f.local.has(l)) local = true;
  }
  if (shared === 0) return null;
  const { fellow } = f;
  const { mentor } = m;
  let score = 0;
  if (fellow.sector !== null && m.sectors.has(fellow.sector)) {
    score += weights.sector;
    reasons?.push({ kind: 'sector', sector: fellow.sector, points: weights.sector });
  }
  let covered = 0;
  for (const g of f.goals) if (m.expertise.has(g)) covered++;
  if (covered > 0) {
    score += weights.expertise * covered;
    reasons?.push({
      kind: 'expertise',
      areas: f.goals.filter((g) => m.expertise.has(g)),
      points: weights.expertise * covered,
    });
  }
  const languagePoints = local ? weights.localLanguage : 0;
  score += languagePoints;
  reasons?.push({
    kind: 'language',
    languages: f.languages.filter((l) => m.languages.has(l)),
    local,
    points: languagePoints,
  });
  const hub = fellow.hub;
  if (hub !== null && m.city !== '' && m.city === f.city) {
    score += weights.sameCity;
    reasons?.push({ kind: 'same_city', city: hub.city, points: weights.sameCity });
  } else if (hub !== null && mentor.utcOffsetMinutes !== null) {
    const apart = Math.abs(hub.utcOffsetMinutes - mentor.utcOffsetMinutes);
    if (apart <= NEARBY_MINUTES) {
      score += weights.nearbyTimezone;
      reasons?.push({ kind: 'timezone', hoursApart: apart / 60, points: weights.nearbyTimezone });
    }
  }
  return score;
}
