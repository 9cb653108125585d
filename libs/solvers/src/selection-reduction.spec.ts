import fc from 'fast-check';
import { loadHighs, type HighsSolver } from './highs';
import { points, solveSelection } from './selection-model';
import { toSelectionProblem } from './selection-problem';
import { candidatePool } from './selection-reduction';
import { generateSelectionInput } from './selection-instance';
import type { SelectionInput } from './selection.types';

/** Few distinct kinds of candidate, so that many are interchangeable and the reduction has work to do. */
const crowdedInput: fc.Arbitrary<{ input: SelectionInput; dropped: string[] }> = fc
  .record({
    people: fc.array(
      fc.record({
        score: fc.integer({ min: 1, max: 12 }),
        region: fc.constantFrom('north', 'south', null),
        gender: fc.constantFrom('female', 'male'),
        sector: fc.constantFrom('technology', 'services'),
        hubPreferences: fc.uniqueArray(fc.constantFrom('SG', 'JP', 'KR'), { minLength: 1, maxLength: 3 }),
      }),
      { minLength: 5, maxLength: 60 },
    ),
    size: fc.integer({ min: 1, max: 15 }),
    capacities: fc.tuple(
      fc.integer({ min: 0, max: 10 }),
      fc.integer({ min: 0, max: 10 }),
      fc.integer({ min: 0, max: 10 }),
    ),
    shares: fc.array(
      fc.record({
        pick: fc.constantFrom(
          ['region', 'north'] as const,
          ['region', 'south'] as const,
          ['gender', 'female'] as const,
          ['sector', 'technology'] as const,
          ['sector', 'services'] as const,
        ),
        min: fc.option(
          fc.integer({ min: 1, max: 10 }).map((k) => k / 20),
          { nil: undefined },
        ),
        max: fc.option(
          fc.integer({ min: 2, max: 16 }).map((k) => k / 20),
          { nil: undefined },
        ),
      }),
      { maxLength: 5 },
    ),
    pinnedIn: fc.uniqueArray(fc.nat(59), { maxLength: 2 }),
    pinnedOut: fc.uniqueArray(fc.nat(59), { maxLength: 3 }),
    dropMask: fc.nat(255),
  })
  .map(({ people, size, capacities, shares, pinnedIn, pinnedOut, dropMask }) => {
    const id = (i: number) => `c${String(i).padStart(2, '0')}`;
    const pins = (is: number[]) => is.filter((i) => i < people.length).map(id);
    const input: SelectionInput = {
      candidates: people.map((p, i) => ({ id: id(i), ...p })),
      size,
      hubCapacities: { SG: capacities[0], JP: capacities[1], KR: capacities[2] },
      shares: shares.map(({ pick, min, max }, k) => ({
        id: `share-${k}`,
        attribute: pick[0],
        value: pick[1],
        min,
        max,
      })),
      pinnedIn: pins(pinnedIn),
      pinnedOut: pins(pinnedOut).filter((c) => !pins(pinnedIn).includes(c)),
    };
    const constraints = [...input.shares.map((s) => s.id), 'hubs', 'pinnedIn', 'pinnedOut'];
    return { input, dropped: constraints.filter((_, k) => dropMask & (1 << k)) };
  });

describe(candidatePool.name, () => {
  let highs: HighsSolver;
  beforeAll(async () => {
    highs = await loadHighs();
  });

  const optimum = (input: SelectionInput, dropped: string[], reduce: boolean): number | null => {
    const problem = toSelectionProblem(input);
    const active = new Set(problem.constraints.filter((c) => !dropped.includes(c)));
    const solved = solveSelection(highs, problem, active, { optimise: true, reduce });
    return solved && points(solved.selected);
  };

  it('keeps the optimum: the reduced model and the full one agree, whichever constraints are in force', () => {
    let reduced = 0;
    fc.assert(
      fc.property(crowdedInput, ({ input, dropped }) => {
        const problem = toSelectionProblem(input);
        const active = new Set(problem.constraints.filter((c) => !dropped.includes(c)));
        const pool = candidatePool(problem, active, true).candidates.length;
        const all = candidatePool(problem, active, false).candidates.length;
        expect(pool).toBeLessThanOrEqual(all);
        if (pool < all) reduced++;
        expect(optimum(input, dropped, true)).toBe(optimum(input, dropped, false));
      }),
      { numRuns: 300 },
    );
    expect(reduced).toBeGreaterThan(100); // the reduction did drop candidates, often
  });

  it('keeps the optimum of a generated cohort of 2,000 while dropping more than half of it', () => {
    const input = generateSelectionInput({ candidates: 2000, size: 50, seed: 7 });
    const problem = toSelectionProblem(input);
    const active = new Set(problem.constraints);

    expect(candidatePool(problem, active, true).candidates.length).toBeLessThan(1000);
    expect(optimum(input, [], true)).toBe(optimum(input, [], false));
    expect(optimum(input, ['women'], true)).toBe(optimum(input, ['women'], false));
  });
});
