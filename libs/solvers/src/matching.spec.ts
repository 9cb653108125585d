import { compatibility } from './compatibility';
import { matchMentors } from './matching';
import { generateMatchingInput } from './matching-instance';
import {
  MatchingInputError,
  type MatchingFellow,
  type MatchingInput,
  type MatchingMentor,
  type MatchingWeights,
} from './matching.types';

const TOKYO = { code: 'JP', city: 'Tokyo', utcOffsetMinutes: 540, languages: ['ja'] };
const fellow = (f: Partial<MatchingFellow> & Pick<MatchingFellow, 'id'>): MatchingFellow => ({
  sector: null,
  goals: [],
  languages: ['vi', 'en'],
  organisation: null,
  hub: null,
  ...f,
});
const mentor = (m: Partial<MatchingMentor> & Pick<MatchingMentor, 'id'>): MatchingMentor => ({
  sectors: [],
  expertise: [],
  languages: ['en'],
  city: null,
  utcOffsetMinutes: null,
  capacity: 1,
  organisation: null,
  ...m,
});
const weights: MatchingWeights = { sector: 3, expertise: 2, localLanguage: 3, sameCity: 2, nearbyTimezone: 1 };
const input = (fellows: MatchingFellow[], mentors: MatchingMentor[], rest: Partial<MatchingInput> = {}) => ({
  fellows,
  mentors,
  weights,
  conflicts: [],
  locked: [],
  forbidden: [],
  ...rest,
});
const matched = (result: ReturnType<typeof matchMentors>) =>
  result.status === 'optimal' ? Object.fromEntries(result.pairs.map((p) => [p.fellowId, p.mentorId])) : result;

describe(compatibility.name, () => {
  it('adds up typed parts: sector, covered goals, a local language, the same city (accents and case aside)', () => {
    const result = compatibility(
      fellow({ id: 'f', sector: 'fintech', goals: ['finance', 'legal', 'esg'], languages: ['vi', 'ja'], hub: TOKYO }),
      mentor({
        id: 'm',
        sectors: ['fintech'],
        expertise: ['legal', 'finance'],
        languages: ['ja', 'en'],
        city: ' TŌKYŌ',
        utcOffsetMinutes: 540,
      }),
      weights,
    );
    expect(result).toEqual({
      score: 3 + 4 + 3 + 2,
      reasons: [
        { kind: 'sector', sector: 'fintech', points: 3 },
        { kind: 'expertise', areas: ['finance', 'legal'], points: 4 },
        { kind: 'language', languages: ['ja'], local: true, points: 3 },
        { kind: 'same_city', city: 'Tokyo', points: 2 },
      ],
    });
  });

  it('counts a nearby time zone when not in the same city, and a shared language that is not local for nothing', () => {
    const result = compatibility(
      fellow({ id: 'f', hub: TOKYO }),
      mentor({ id: 'm', city: 'Singapore', utcOffsetMinutes: 480 }),
      weights,
    );
    expect(result).toEqual({
      score: 1,
      reasons: [
        { kind: 'language', languages: ['en'], local: false, points: 0 },
        { kind: 'timezone', hoursApart: 1, points: 1 },
      ],
    });
  });

  it('is null without a common language', () => {
    expect(compatibility(fellow({ id: 'f', languages: ['vi'] }), mentor({ id: 'm' }), weights)).toBeNull();
  });
});

describe(matchMentors.name, () => {
  it('raises the floor before the total: nobody is left with a poor match for a higher sum', () => {
    // Total alone: a–x (6) + b–y (0) = 6. Fairest: a–y (2) + b–x (2) = 4, floor 2 instead of 0.
    const result = matchMentors(
      input(
        [fellow({ id: 'a', goals: ['finance', 'legal', 'esg'] }), fellow({ id: 'b', goals: ['finance'] })],
        [mentor({ id: 'x', expertise: ['finance', 'legal', 'esg'] }), mentor({ id: 'y', expertise: ['legal'] })],
      ),
    );
    expect(matched(result)).toEqual({ a: 'y', b: 'x' });
    expect(result).toMatchObject({ minScore: 2, totalScore: 4 });
  });

  it('then takes the highest total above the floor', () => {
    const result = matchMentors(
      input(
        [fellow({ id: 'a', goals: ['finance', 'legal'] }), fellow({ id: 'b', goals: ['finance'] })],
        [mentor({ id: 'x', expertise: ['finance', 'legal'] }), mentor({ id: 'y', expertise: ['finance'] })],
      ),
    );
    expect(matched(result)).toEqual({ a: 'x', b: 'y' });
    expect(result).toMatchObject({ minScore: 2, totalScore: 6 });
  });

  it('never pairs people of the same organisation (written differently), a declared conflict or a forbidden pair', () => {
    const result = matchMentors(
      input(
        [
          fellow({ id: 'a', organisation: 'Sài Gòn Co.op', goals: ['finance'] }),
          fellow({ id: 'b', goals: ['finance'] }),
          fellow({ id: 'c', goals: ['finance'] }),
        ],
        [
          mentor({ id: 'coop', organisation: 'sai gon co.op ', expertise: ['finance'], capacity: 3 }),
          mentor({ id: 'other', capacity: 3 }),
        ],
        { conflicts: [{ fellowId: 'b', mentorId: 'coop' }], forbidden: [{ fellowId: 'c', mentorId: 'coop' }] },
      ),
    );
    expect(matched(result)).toEqual({ a: 'other', b: 'other', c: 'other' });
  });

  it('keeps a lock, which takes a place and is left out of the floor', () => {
    const result = matchMentors(
      input(
        [fellow({ id: 'a', goals: ['finance'] }), fellow({ id: 'b', goals: ['finance'] })],
        [mentor({ id: 'x', expertise: ['finance'] }), mentor({ id: 'y' })],
        { locked: [{ fellowId: 'a', mentorId: 'y' }] },
      ),
    );
    expect(matched(result)).toEqual({ a: 'y', b: 'x' });
    expect(result).toMatchObject({ minScore: 2, totalScore: 2 });
  });

  it('reports a lock that breaks a rule, and a fellow nobody can mentor', () => {
    const result = matchMentors(
      input([fellow({ id: 'a' }), fellow({ id: 'b', languages: ['ko'] })], [mentor({ id: 'x', capacity: 2 })], {
        locked: [{ fellowId: 'a', mentorId: 'x' }],
        forbidden: [{ fellowId: 'a', mentorId: 'x' }],
      }),
    );
    expect(result).toEqual({
      status: 'infeasible',
      reasons: [
        { kind: 'lock_invalid', fellowId: 'a', mentorId: 'x', why: 'forbidden' },
        {
          kind: 'no_mentor',
          fellowId: 'b',
          why: 'no_common_language',
          sharedLanguage: 0,
          forbidden: 0,
          conflicted: 0,
          full: 0,
        },
      ],
    });
  });

  it('names the crowded fellows when each has a mentor but not all at once', () => {
    const result = matchMentors(
      input(
        [fellow({ id: 'a', languages: ['ja'] }), fellow({ id: 'b', languages: ['ja'] }), fellow({ id: 'c' })],
        [mentor({ id: 'x', languages: ['ja', 'en'] }), mentor({ id: 'y', capacity: 2 })],
      ),
    );
    expect(result).toEqual({
      status: 'infeasible',
      reasons: [{ kind: 'crowded', fellowIds: ['a', 'b'], mentorIds: ['x'], capacity: 1 }],
    });
  });

  it('refuses malformed input with a code', () => {
    const code = (given: MatchingInput) => {
      try {
        matchMentors(given);
      } catch (error) {
        return error instanceof MatchingInputError ? error.code : error;
      }
      return 'accepted';
    };
    const one = [fellow({ id: 'a' })];
    expect(code(input([...one, ...one], [mentor({ id: 'x' })]))).toBe('matching.duplicate_fellow');
    expect(code(input(one, [mentor({ id: 'x', capacity: -1 })]))).toBe('matching.invalid_capacity');
    expect(code(input(one, [mentor({ id: 'x' })], { locked: [{ fellowId: 'a', mentorId: 'z' }] }))).toBe(
      'matching.unknown_lock',
    );
    expect(code({ ...input(one, [mentor({ id: 'x' })]), weights: { ...weights, sector: 0.5 } })).toBe(
      'matching.invalid_weight',
    );
  });

  it('matches 100 fellows with 300 mentors quickly', () => {
    const given = generateMatchingInput({ fellows: 100, mentors: 300, locks: 5, seed: 7 });
    matchMentors(given); // warm-up (JIT)
    const start = performance.now();
    const result = matchMentors(given);
    const elapsed = performance.now() - start;
    expect(result.status).toBe('optimal');
    // The target is 200 ms (the benchmark checks it on an idle machine); here, under parallel tests, a margin.
    expect(elapsed).toBeLessThan(600);
  });
});
