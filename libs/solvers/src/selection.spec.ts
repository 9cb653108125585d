import { selectCohort } from './selection';
import { SelectionInputError } from './selection-problem';
import type { SelectionCandidate, SelectionInput } from './selection.types';
import { violations } from './selection.testing';

type Person = Partial<SelectionCandidate> & Pick<SelectionCandidate, 'id' | 'score'>;
const person = (p: Person): SelectionCandidate => ({
  region: 'north',
  gender: 'male',
  sector: 'technology',
  hubPreferences: ['SG'],
  ...p,
});
const input = (people: Person[], rest: Partial<SelectionInput> = {}): SelectionInput => ({
  candidates: people.map(person),
  size: 3,
  hubCapacities: { SG: 10, JP: 10 },
  shares: [],
  ...rest,
});
const ids = (rows: Array<{ id: string }>) => rows.map((r) => r.id);
const price = (result: { prices: Array<{ constraint: string; price: number }> }, constraint: string) =>
  result.prices.find((p) => p.constraint === constraint)?.price;

describe(selectCohort.name, () => {
  it('takes the top scores when no constraint binds: every price is 0 and the rest are waitlisted best first', async () => {
    const given = input([
      { id: 'c', score: 3.5 },
      { id: 'a', score: 4.8125 },
      { id: 'e', score: 1 },
      { id: 'b', score: 4.25 },
      { id: 'd', score: 2 },
    ]);

    const result = await selectCohort(given);

    expect(result).toMatchObject({ status: 'optimal', objective: 12.5625, unconstrainedObjective: 12.5625 });
    expect(result.selected).toEqual([
      { id: 'a', score: 4.8125, hub: 'SG' },
      { id: 'b', score: 4.25, hub: 'SG' },
      { id: 'c', score: 3.5, hub: 'SG' },
    ]);
    expect(result.waitlist).toEqual([
      { id: 'd', score: 2 },
      { id: 'e', score: 1 },
    ]);
    expect(result.prices).toEqual([{ constraint: 'hubs', objectiveWithout: 12.5625, price: 0 }]);
  });

  it('meets a binding quota and prices it at exactly the score given up', async () => {
    const given = input(
      [
        { id: 'm1', score: 5 },
        { id: 'm2', score: 4.5 },
        { id: 'm3', score: 4.0625 },
        { id: 'w1', score: 3.5, gender: 'female' },
        { id: 'w2', score: 2.25, gender: 'female' },
      ],
      { shares: [{ id: 'women', attribute: 'gender', value: 'female', min: 0.5 }] },
    );

    const result = await selectCohort(given);

    // ⌈0.5 × 3⌉ = 2 women.
    expect(ids(result.selected)).toEqual(['m1', 'w1', 'w2']);
    expect(result.objective).toBe(10.75);
    expect(result.unconstrainedObjective).toBe(13.5625);
    expect(result.prices).toEqual([
      { constraint: 'women', objectiveWithout: 13.5625, price: 2.8125 },
      { constraint: 'hubs', objectiveWithout: 10.75, price: 0 },
    ]);
    expect(ids(result.waitlist)).toEqual(['m2', 'm3']);
  });

  it('turns shares into whole people: at least ⌈min·size⌉, at most ⌊max·size⌋', async () => {
    const men = Array.from({ length: 10 }, (_, i) => ({ id: `m${i}`, score: 5 - i / 100 }));
    const women = Array.from({ length: 5 }, (_, i) => ({ id: `w${i}`, score: 3, gender: 'female' }));
    const tourism = Array.from({ length: 5 }, (_, i) => ({ id: `t${i}`, score: 6, sector: 'tourism' }));
    const given = input([...men, ...women, ...tourism], {
      size: 10,
      shares: [
        { id: 'women', attribute: 'gender', value: 'female', min: 0.3 }, // 0.3 × 10 is 3.0000000000000004 in floats: still 3
        { id: 'tourism', attribute: 'sector', value: 'tourism', max: 0.25 }, // ⌊2.5⌋ = 2
      ],
    });

    const result = await selectCohort(given);

    const selected = ids(result.selected);
    expect(selected.filter((id) => id.startsWith('w'))).toHaveLength(3);
    expect(selected.filter((id) => id.startsWith('t'))).toEqual(['t0', 't1']);
    expect(violations(given, result)).toEqual([]);
  });

  it('honours pins in and out, and prices each pin list', async () => {
    const given = input(
      [
        { id: 'a', score: 5 },
        { id: 'b', score: 4 },
        { id: 'c', score: 3 },
        { id: 'd', score: 2 },
        { id: 'e', score: 1 },
      ],
      { pinnedIn: ['e'], pinnedOut: ['a'] },
    );

    const result = await selectCohort(given);

    expect(ids(result.selected)).toEqual(['b', 'c', 'e']);
    expect(result.objective).toBe(8);
    expect(ids(result.waitlist)).toEqual(['d']); // a is pinned out: not on the waitlist either
    expect(price(result, 'pinnedIn')).toBe(1); // with e free (and a still out): b, c, d = 9
    expect(price(result, 'pinnedOut')).toBe(2); // with a back (and e still in): a, b, e = 10
  });

  it('lets hub capacities force a different choice, and seats everyone in a preferred hub', async () => {
    const given = input(
      [
        { id: 'a', score: 5, hubPreferences: ['SG'] },
        { id: 'b', score: 4.9, hubPreferences: ['SG'] },
        { id: 'c', score: 4, hubPreferences: ['JP', 'SG'] },
        { id: 'd', score: 3, hubPreferences: ['KR', 'JP'] }, // KR has no capacity: JP it is
        { id: 'e', score: 2, hubPreferences: [] },
      ],
      { hubCapacities: { SG: 1, JP: 2 } },
    );

    const result = await selectCohort(given);

    expect(result.selected).toEqual([
      { id: 'a', score: 5, hub: 'SG' },
      { id: 'c', score: 4, hub: 'JP' },
      { id: 'd', score: 3, hub: 'JP' },
    ]);
    expect(price(result, 'hubs')).toBeCloseTo(1.9, 9); // a, b, c
  });

  it('gives as many people as possible their first choice in the witness placement', async () => {
    const given = input(
      [
        { id: 'a', score: 5, hubPreferences: ['SG', 'JP'] },
        { id: 'b', score: 4, hubPreferences: ['JP', 'SG'] },
        { id: 'c', score: 3, hubPreferences: ['SG'] },
      ],
      { hubCapacities: { SG: 2, JP: 1 } },
    );

    const result = await selectCohort(given);

    expect(Object.fromEntries(result.selected.map((s) => [s.id, s.hub]))).toEqual({ a: 'SG', b: 'JP', c: 'SG' });
  });

  it('reports quotas that cannot hold together, naming exactly the clashing ones', async () => {
    const people = Array.from({ length: 20 }, (_, i) => ({
      id: `p${i}`,
      score: i,
      gender: i % 2 ? 'female' : 'male',
      region: i % 3 ? 'north' : 'south',
    }));
    const given = input(people, {
      size: 10,
      shares: [
        { id: 'south', attribute: 'region', value: 'south', min: 0.2 },
        { id: 'women', attribute: 'gender', value: 'female', min: 0.6 },
        { id: 'tech', attribute: 'sector', value: 'technology', max: 1 },
        { id: 'men', attribute: 'gender', value: 'male', min: 0.6 },
      ],
    });

    const result = await selectCohort(given);

    expect(result).toMatchObject({ status: 'infeasible', selected: [], prices: [], waitlist: [], objective: 0 });
    expect(result.clash).toEqual(['women', 'men']);
  });

  it('names the size when there are fewer candidates than seats', async () => {
    const result = await selectCohort(input([{ id: 'a', score: 1 }], { size: 2 }));

    expect(result.status).toBe('infeasible');
    expect(result.clash).toEqual(['size']);
  });

  it('names the pin and the hubs when a pinned candidate has no hub with a seat', async () => {
    const given = input(
      [
        { id: 'a', score: 5 },
        { id: 'b', score: 4 },
        { id: 'z', score: 1, hubPreferences: ['KR'] },
      ],
      { size: 2, pinnedIn: ['z'] },
    );

    expect((await selectCohort(given)).clash).toEqual(['hubs', 'pinnedIn']);
    expect((await selectCohort({ ...given, pinnedOut: ['z'] })).clash).toEqual(['pinnedIn', 'pinnedOut']);
  });

  it('settles ties between interchangeable candidates by id, and ignores the input order', async () => {
    const twins = input(['f', 'b', 'e', 'a', 'd', 'c'].map((id) => ({ id, score: 3.8125 })));
    expect(ids((await selectCohort(twins)).selected)).toEqual(['a', 'b', 'c']);

    // Ties across different kinds of candidate are settled by the solver, the same way every time.
    const mixed = input(
      ['f', 'b', 'e', 'a', 'd', 'c'].map((id, i) => ({
        id,
        score: 3.8125,
        gender: i % 2 ? 'female' : 'male',
        hubPreferences: i % 3 ? ['SG'] : ['JP', 'SG'],
      })),
      { size: 4, shares: [{ id: 'women', attribute: 'gender', value: 'female', min: 0.5 }] },
    );
    const result = await selectCohort(mixed);
    expect(await selectCohort({ ...mixed, candidates: [...mixed.candidates].reverse() })).toEqual(result);
    expect(await selectCohort(mixed)).toEqual(result);
  });

  it('rejects malformed input with a SelectionInputError that names the problem', async () => {
    const ok = input([
      { id: 'a', score: 1 },
      { id: 'b', score: 2 },
    ]);
    const bad: Array<[Partial<SelectionInput>, string]> = [
      [{ size: 0 }, 'selection.invalid_size'],
      [{ candidates: [...ok.candidates, ok.candidates[0]] }, 'selection.duplicate_id'],
      [{ pinnedIn: ['nobody'] }, 'selection.unknown_candidate'],
      [{ shares: [{ id: 'hubs', attribute: 'gender', value: 'female', min: 0.5 }] }, 'selection.invalid_share'],
      [{ shares: [{ id: 'w', attribute: 'gender', value: 'female', min: 40 }] }, 'selection.invalid_share'],
      [{ hubCapacities: { SG: -1 } }, 'selection.invalid_capacity'],
      [{ candidates: [person({ id: 'x', score: Number.NaN })] }, 'selection.invalid_score'],
    ];
    for (const [change, code] of bad) {
      await expect(selectCohort({ ...ok, size: 1, ...change })).rejects.toEqual(expect.objectContaining({ code }));
      await expect(selectCohort({ ...ok, size: 1, ...change })).rejects.toBeInstanceOf(SelectionInputError);
    }
  });
});
