import fc from 'fast-check';
import { loadHighs } from './highs';
import { upperBound, type Multipliers } from './selection-bound';
import { points, solveSelection } from './selection-model';
import { toSelectionProblem } from './selection-problem';
import { generateSelectionInput } from './selection-instance';
import type { SelectionInput } from './selection.types';
import { bruteForceOptimum } from './selection.testing';

const HUB_SETS = ['SG', 'JP', ['SG', 'JP'], ['JP', 'KR'], ['SG', 'JP', 'KR']].map((h) => [h].flat());

const tinyInput: fc.Arbitrary<SelectionInput> = fc
  .record({
    people: fc.array(
      fc.record({
        score: fc.integer({ min: 1, max: 9 }),
        region: fc.constantFrom('north', 'south', null),
        gender: fc.constantFrom('female', 'male'),
        sector: fc.constantFrom('technology', 'services'),
        hubPreferences: fc.constantFrom(...HUB_SETS),
      }),
      { minLength: 3, maxLength: 9 },
    ),
    size: fc.integer({ min: 1, max: 5 }),
    capacities: fc.tuple(fc.nat(3), fc.nat(3), fc.nat(3)),
    shares: fc.array(
      fc.record({
        pick: fc.constantFrom(
          ['region', 'north'] as const,
          ['gender', 'female'] as const,
          ['sector', 'services'] as const,
        ),
        min: fc.option(
          fc.integer({ min: 1, max: 10 }).map((k) => k / 20),
          { nil: undefined },
        ),
        max: fc.option(
          fc.integer({ min: 4, max: 16 }).map((k) => k / 20),
          { nil: undefined },
        ),
      }),
      { maxLength: 3 },
    ),
    pinnedIn: fc.uniqueArray(fc.nat(8), { maxLength: 1 }),
    pinnedOut: fc.uniqueArray(fc.nat(8), { maxLength: 2 }),
  })
  .map(({ people, size, capacities, shares, pinnedIn, pinnedOut }) => {
    const id = (i: number) => `c${i}`;
    const pins = (is: number[]) => is.filter((i) => i < people.length).map(id);
    return {
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
      pinnedOut: pins(pinnedOut),
    };
  });

describe(upperBound.name, () => {
  it('bounds the optimum from above whatever the multipliers and whichever constraints are kept', () => {
    const multiplier = fc.integer({ min: -8, max: 8 }).map((k) => k / 2);
    let checked = 0;
    fc.assert(
      fc.property(tinyInput, fc.array(multiplier, { minLength: 16, maxLength: 16 }), fc.nat(63), (input, y, mask) => {
        const problem = toSelectionProblem(input);
        const active = new Set(problem.constraints.filter((_, k) => !(mask & (1 << k))));
        // The brute force sees only the kept constraints (ample seats everywhere when hubs are dropped).
        const optimum = bruteForceOptimum({
          ...input,
          shares: input.shares.filter((s) => active.has(s.id)),
          hubCapacities: active.has('hubs') ? input.hubCapacities : { SG: 99, JP: 99, KR: 99 },
          pinnedIn: active.has('pinnedIn') ? input.pinnedIn : [],
          pinnedOut: active.has('pinnedOut') ? input.pinnedOut : [],
        });
        if (optimum === null) return;
        checked++;
        const multipliers: Multipliers = {
          size: y[0],
          atLeast: [y[1], y[2], y[3]],
          atMost: [y[4], y[5], y[6]],
          hubs: new Map([
            ['SG', y[7]],
            ['JP', y[8]],
            ['KR', y[9]],
          ]),
          classes: new Map(HUB_SETS.map((hubs, k) => [JSON.stringify([...hubs].sort()), y[10 + k]])),
        };
        // Points are scores over their common divisor: compare in scores.
        const perPoint = problem.candidates[0].score / problem.candidates[0].points;
        expect(upperBound(problem, active, multipliers) * perPoint).toBeGreaterThanOrEqual(optimum - 1e-9);
      }),
      { numRuns: 400 },
    );
    expect(checked).toBeGreaterThan(100);
  });

  it('is tight with the LP duals of a generated cohort: it proves the optimum and the slack quotas free', async () => {
    const highs = await loadHighs();
    const problem = toSelectionProblem(generateSelectionInput({ candidates: 2000, size: 80, seed: 3 }));
    const all = new Set(problem.constraints);
    const solved = solveSelection(highs, problem, all, { optimise: true })!;
    const optimum = points(solved.selected);

    expect(solved.multipliers).not.toBeNull();
    expect(upperBound(problem, all, solved.multipliers!)).toBeLessThan(optimum + 1);
    // Dropping a quota that does not bind leaves the bound where it was; dropping women's does not.
    const without = (id: string) => upperBound(problem, new Set([...all].filter((c) => c !== id)), solved.multipliers!);
    expect(without('sector-energy')).toBeLessThan(optimum + 1);
    expect(without('women')).toBeGreaterThan(optimum + 1);
  });
});
