import fc from 'fast-check';
import loadHighs from 'highs';
import { matchMentors } from './matching';
import type {
  MatchReason,
  MatchingFellow,
  MatchingInfeasibility,
  MatchingInput,
  MatchingMentor,
  MatchingResult,
} from './matching.types';

type Highs = Awaited<ReturnType<typeof loadHighs>>;

const LANGUAGES = ['en', 'ja', 'vi'];
const HUBS = [
  { code: 'JP', city: 'Tokyo', utcOffsetMinutes: 540, languages: ['ja'] },
  { code: 'SG', city: 'Singapore', utcOffsetMinutes: 480, languages: ['en'] },
];
const CITIES = ['Tokyo', ' TŌKYŌ', 'Singapore', 'Berlin', 'Hà Nội'];
const OFFSETS: Record<string, number> = { Tokyo: 540, ' TŌKYŌ': 540, Singapore: 480, Berlin: 60, 'Hà Nội': 420 };
const ORGANISATIONS = ['Acme', 'ACMÉ ', 'Bee'];
const SECTORS = ['fintech', 'retail'];
const AREAS = ['finance', 'legal', 'esg'];

const speaks = fc.oneof(
  { weight: 4, arbitrary: fc.subarray(LANGUAGES, { minLength: 1 }).map((l) => [...new Set(['en', ...l])]) },
  { weight: 1, arbitrary: fc.subarray(LANGUAGES, { minLength: 1 }) },
);
const rare = <T>(arbitrary: fc.Arbitrary<T>, none: T, weight = 4) =>
  fc.oneof({ weight, arbitrary: fc.constant(none) }, { weight: 1, arbitrary });

/** Small random instances with every rule in play: languages, organisations, conflicts, locks, forbids, caps. */
const instances: fc.Arbitrary<MatchingInput> = fc
  .record({ fellows: fc.integer({ min: 1, max: 8 }), mentors: fc.integer({ min: 1, max: 6 }) })
  .chain(({ fellows: n, mentors: m }) => {
    const pair = fc.record({ f: fc.nat(n - 1), m: fc.nat(m - 1) });
    return fc.record({
      fellows: fc.array(
        fc.record({
          sector: fc.option(fc.constantFrom(...SECTORS), { freq: 5 }),
          goals: fc.subarray(AREAS),
          languages: speaks,
          organisation: rare(fc.constantFrom(...ORGANISATIONS), null),
          hub: fc.option(fc.constantFrom(...HUBS), { freq: 5 }),
        }),
        { minLength: n, maxLength: n },
      ),
      mentors: fc.array(
        fc.record({
          sectors: fc.subarray(SECTORS),
          expertise: fc.subarray(AREAS),
          languages: speaks,
          city: fc.option(fc.constantFrom(...CITIES), { freq: 4 }),
          capacity: fc.oneof(
            { weight: 4, arbitrary: fc.integer({ min: 1, max: Math.ceil((2 * n) / m) + 1 }) },
            { weight: 1, arbitrary: fc.nat(1) },
          ),
          organisation: rare(fc.constantFrom(...ORGANISATIONS), null),
        }),
        { minLength: m, maxLength: m },
      ),
      weights: fc.record({
        sector: fc.nat(3),
        expertise: fc.nat(3),
        localLanguage: fc.nat(3),
        sameCity: fc.nat(3),
        nearbyTimezone: fc.nat(3),
      }),
      conflicts: fc.array(pair, { maxLength: 2 }),
      locked: rare(fc.array(pair, { maxLength: 2 }), [], 2),
      forbidden: fc.array(pair, { maxLength: 2 }),
    });
  })
  .map(({ fellows, mentors, weights, conflicts, locked, forbidden }) => {
    const f = (i: number) => `f${i}`;
    const m = (i: number) => `m${i}`;
    const refs = (pairs: Array<{ f: number; m: number }>) => pairs.map((p) => ({ fellowId: f(p.f), mentorId: m(p.m) }));
    const oneLockEach = locked.filter((p, i) => locked.findIndex((q) => q.f === p.f) === i);
    return {
      fellows: fellows.map((x, i): MatchingFellow => ({ id: f(i), ...x })),
      mentors: mentors.map((x, i): MatchingMentor => ({
        id: m(i),
        ...x,
        utcOffsetMinutes: x.city === null ? null : OFFSETS[x.city],
      })),
      weights,
      conflicts: refs(conflicts),
      locked: refs(oneLockEach),
      forbidden: refs(forbidden),
    };
  });

/** The rules of the issue, restated directly on the raw fellows and mentors. */
function rules(input: MatchingInput) {
  const plain = (s: string | null | undefined) =>
    (s ?? '')
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .trim();
  const key = (fellowId: string, mentorId: string) => `${fellowId}|${mentorId}`;
  const has = (pairs: MatchingInput['conflicts'], f: string, m: string) =>
    pairs.some((p) => key(p.fellowId, p.mentorId) === key(f, m));
  const shared = (f: MatchingFellow, m: MatchingMentor) => f.languages.filter((l) => m.languages.includes(l));
  const conflicted = (f: MatchingFellow, m: MatchingMentor) =>
    has(input.conflicts, f.id, m.id) ||
    (plain(f.organisation) !== '' && plain(f.organisation) === plain(m.organisation));
  const forbidden = (f: MatchingFellow, m: MatchingMentor) => has(input.forbidden, f.id, m.id);
  const lockOf = (f: MatchingFellow) => input.locked.find((p) => p.fellowId === f.id)?.mentorId;
  const room = (m: MatchingMentor) => m.capacity - input.locked.filter((p) => p.mentorId === m.id).length;
  const possible = (f: MatchingFellow, m: MatchingMentor) =>
    shared(f, m).length > 0 && !conflicted(f, m) && !forbidden(f, m);
  const w = input.weights;
  /** The expected parts of a pair's score, computed from scratch. */
  const parts = (f: MatchingFellow, m: MatchingMentor): MatchReason[] => {
    const out: MatchReason[] = [];
    if (f.sector !== null && m.sectors.includes(f.sector))
      out.push({ kind: 'sector', sector: f.sector, points: w.sector });
    const areas = f.goals.filter((g) => m.expertise.includes(g));
    if (areas.length > 0) out.push({ kind: 'expertise', areas, points: areas.length * w.expertise });
    const languages = shared(f, m);
    const local = f.hub !== null && languages.some((l) => f.hub!.languages.includes(l));
    out.push({ kind: 'language', languages, local, points: local ? w.localLanguage : 0 });
    const sameCity = f.hub !== null && m.city !== null && plain(m.city) === plain(f.hub.city);
    if (sameCity) out.push({ kind: 'same_city', city: f.hub!.city, points: w.sameCity });
    else if (f.hub !== null && m.utcOffsetMinutes !== null) {
      const apart = Math.abs(f.hub.utcOffsetMinutes - m.utcOffsetMinutes);
      if (apart <= 180) out.push({ kind: 'timezone', hoursApart: apart / 60, points: w.nearbyTimezone });
    }
    return out;
  };
  const score = (f: MatchingFellow, m: MatchingMentor) => parts(f, m).reduce((s, p) => s + p.points, 0);
  return { shared, conflicted, forbidden, lockOf, room, possible, parts, score };
}

/**
 * The lexicographic optimum by two independent integer programs on binary x[fellow][mentor], solved
 * by HiGHS: first the largest t with every unlocked fellow's score ≥ t, then the largest total with t fixed.
 */
function integerOptimum(
  highs: Highs,
  input: MatchingInput,
): { minScore: number | null; totalScore: number } | 'infeasible' {
  const { shared, conflicted, forbidden, lockOf, room, possible, score } = rules(input);
  let lockedScore = 0;
  for (const f of input.fellows) {
    const id = lockOf(f);
    if (id === undefined) continue;
    const m = input.mentors.find((x) => x.id === id)!;
    if (shared(f, m).length === 0 || conflicted(f, m) || forbidden(f, m) || room(m) < 0) return 'infeasible';
    lockedScore += score(f, m);
  }
  const free = input.fellows.filter((f) => lockOf(f) === undefined);
  if (free.length === 0) return { minScore: null, totalScore: lockedScore };
  const rows: string[] = [];
  const floors: string[] = [];
  const total: string[] = [];
  const binaries: string[] = [];
  const byMentor = new Map(input.mentors.map((m) => [m.id, [] as string[]]));
  for (const [i, f] of free.entries()) {
    const vars: string[] = [];
    const scored: string[] = [];
    for (const [j, m] of input.mentors.entries()) {
      if (!possible(f, m) || room(m) <= 0) continue;
      const v = `x_${i}_${j}`;
      vars.push(v);
      binaries.push(v);
      byMentor.get(m.id)!.push(v);
      scored.push(`${score(f, m)} ${v}`);
    }
    if (vars.length === 0) return 'infeasible';
    rows.push(`one_${i}: ${vars.join(' + ')} = 1`);
    floors.push(`${scored.join(' + ')}`);
    total.push(...scored);
  }
  for (const [j, m] of input.mentors.entries()) {
    const vars = byMentor.get(m.id)!;
    if (vars.length > 0) rows.push(`cap_${j}: ${vars.join(' + ')} <= ${room(m)}`);
  }
  const solve = (objective: string, extra: string[], bounds: string[]) => {
    const lp = ['Maximize', `obj: ${objective}`, 'Subject To', ...rows, ...extra];
    lp.push('Bounds', ...bounds, 'Binary', ...binaries, 'End');
    return highs.solve(lp.join('\n'), { output_flag: false });
  };
  const first = solve(
    't',
    floors.map((terms, i) => `floor_${i}: ${terms} - t >= 0`),
    ['-inf <= t <= +inf'],
  );
  if (first.Status === 'Infeasible') return 'infeasible';
  if (first.Status !== 'Optimal') throw new Error(`HiGHS: ${first.Status}`);
  const minScore = Math.round(first.ObjectiveValue);
  const second = solve(
    total.join(' + '),
    floors.map((terms, i) => `floor_${i}: ${terms} >= ${minScore}`),
    [],
  );
  if (second.Status !== 'Optimal') throw new Error(`HiGHS: ${second.Status}`);
  return { minScore, totalScore: Math.round(second.ObjectiveValue) + lockedScore };
}

const sortedReasons = (reasons: MatchReason[]) =>
  reasons
    .map((r) =>
      r.kind === 'expertise'
        ? { ...r, areas: [...r.areas].sort() }
        : r.kind === 'language'
          ? { ...r, languages: [...r.languages].sort() }
          : r,
    )
    .sort((a, b) => a.kind.localeCompare(b.kind));

/** Every hard constraint, and every pair's reasons true of the raw data. */
function expectValid(input: MatchingInput, result: Extract<MatchingResult, { status: 'optimal' }>): void {
  const { possible, lockOf, parts } = rules(input);
  expect(result.pairs.map((p) => p.fellowId)).toEqual(input.fellows.map((f) => f.id).sort());
  for (const m of input.mentors)
    expect(result.pairs.filter((p) => p.mentorId === m.id).length).toBeLessThanOrEqual(m.capacity);
  for (const p of result.pairs) {
    const f = input.fellows.find((x) => x.id === p.fellowId)!;
    const m = input.mentors.find((x) => x.id === p.mentorId)!;
    expect(possible(f, m)).toBe(true);
    expect(p.locked).toBe(lockOf(f) !== undefined);
    if (p.locked) expect(p.mentorId).toBe(lockOf(f));
    expect(sortedReasons(p.reasons)).toEqual(sortedReasons(parts(f, m)));
    expect(p.score).toBe(p.reasons.reduce((s, r) => s + r.points, 0));
  }
  const free = result.pairs.filter((p) => !p.locked).map((p) => p.score);
  expect(result.minScore).toBe(free.length === 0 ? null : Math.min(...free));
  expect(result.totalScore).toBe(result.pairs.reduce((s, p) => s + p.score, 0));
}

/** Each reason alone proves that no matching exists. */
function expectProof(input: MatchingInput, reason: MatchingInfeasibility): void {
  const { shared, conflicted, forbidden, lockOf, room, possible } = rules(input);
  const fellow = (id: string) => input.fellows.find((f) => f.id === id)!;
  const mentor = (id: string) => input.mentors.find((m) => m.id === id)!;
  switch (reason.kind) {
    case 'no_mentor': {
      const f = fellow(reason.fellowId);
      expect(lockOf(f)).toBeUndefined();
      const speaking = input.mentors.filter((m) => shared(f, m).length > 0);
      expect(reason.sharedLanguage).toBe(speaking.length);
      expect(reason.why).toBe(speaking.length === 0 ? 'no_common_language' : 'excluded');
      for (const m of speaking) expect(!possible(f, m) || room(m) <= 0).toBe(true);
      expect(reason.forbidden).toBe(speaking.filter((m) => forbidden(f, m)).length);
      expect(reason.forbidden + reason.conflicted + reason.full).toBe(speaking.length);
      break;
    }
    case 'capacity':
      expect(reason.needed).toBe(input.fellows.length);
      expect(reason.available).toBe(input.mentors.reduce((s, m) => s + m.capacity, 0));
      expect(reason.needed).toBeGreaterThan(reason.available);
      break;
    case 'lock_invalid': {
      const f = fellow(reason.fellowId);
      const m = mentor(reason.mentorId);
      expect(lockOf(f)).toBe(m.id);
      if (reason.why === 'forbidden') expect(forbidden(f, m)).toBe(true);
      if (reason.why === 'conflict') expect(conflicted(f, m)).toBe(true);
      if (reason.why === 'no_common_language') expect(shared(f, m)).toEqual([]);
      if (reason.why === 'capacity') expect(room(m)).toBeLessThan(0);
      break;
    }
    case 'crowded': {
      for (const id of reason.fellowIds) {
        const f = fellow(id);
        expect(lockOf(f)).toBeUndefined();
        for (const m of input.mentors) if (possible(f, m) && room(m) > 0) expect(reason.mentorIds).toContain(m.id);
      }
      expect(reason.capacity).toBe(reason.mentorIds.reduce((s, id) => s + room(mentor(id)), 0));
      expect(reason.fellowIds.length).toBeGreaterThan(reason.capacity);
      break;
    }
  }
}

describe(`${matchMentors.name} against integer programs`, () => {
  let highs: Highs;
  beforeAll(async () => {
    highs = await loadHighs();
  });

  it('holds every hard constraint, gives true reasons and reaches the lexicographic optimum (or agrees there is none)', () => {
    let feasible = 0;
    let runs = 0;
    fc.assert(
      fc.property(instances, (input) => {
        runs++;
        const result = matchMentors(input);
        const optimum = integerOptimum(highs, input);
        if (result.status === 'infeasible') {
          expect(optimum).toBe('infeasible');
          expect(result.reasons.length).toBeGreaterThan(0);
          for (const reason of result.reasons) expectProof(input, reason);
          return;
        }
        feasible++;
        expectValid(input, result);
        expect(optimum).toEqual({ minScore: result.minScore, totalScore: result.totalScore });
      }),
      { numRuns: 400 },
    );
    // Most instances must be solvable, or the optimality check proves little.
    expect(feasible).toBeGreaterThanOrEqual(runs / 2);
  });

  it('does not depend on the order of the input', () => {
    fc.assert(
      fc.property(
        instances.chain((input) =>
          fc.record({
            input: fc.constant(input),
            fellows: fc.shuffledSubarray([...input.fellows], { minLength: input.fellows.length }),
            mentors: fc.shuffledSubarray([...input.mentors], { minLength: input.mentors.length }),
          }),
        ),
        ({ input, fellows, mentors }) => {
          expect(matchMentors({ ...input, fellows, mentors })).toEqual(matchMentors(input));
        },
      ),
      { numRuns: 100 },
    );
  });
});
