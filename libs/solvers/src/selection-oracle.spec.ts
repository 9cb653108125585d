import fc from 'fast-check';
import { selectCohort } from './selection';
import { generateSelectionInput } from './selection-instance';
import type { SelectionInput } from './selection.types';
import { bruteForceOptimum, Glpk, glpkOptimum, violations } from './selection.testing';

const HUBS = ['SG', 'JP', 'KR', 'XX']; // XX has no capacity: preferring only it means no seat

/** Small inputs with everything the solver handles: ties, nulls, unlisted hubs, pins both ways. */
const smallInput: fc.Arbitrary<SelectionInput> = fc
  .record({
    people: fc.array(
      fc.record({
        score: fc.oneof(
          fc.integer({ min: 16, max: 80 }).map((k) => k / 16),
          fc.integer({ min: 10_000, max: 50_000 }).map((k) => k / 10_000),
        ),
        region: fc.constantFrom('north', 'central', 'south', null),
        gender: fc.constantFrom('female', 'male', null),
        sector: fc.constantFrom('agriculture', 'technology', 'services'),
        hubPreferences: fc.uniqueArray(fc.constantFrom(...HUBS), { maxLength: 3 }),
      }),
      { minLength: 4, maxLength: 40 },
    ),
    size: fc.integer({ min: 1, max: 10 }),
    capacities: fc.tuple(
      fc.integer({ min: 0, max: 10 }),
      fc.integer({ min: 2, max: 10 }),
      fc.integer({ min: 2, max: 10 }),
    ),
    shares: fc.array(
      fc.record({
        pick: fc.constantFrom(
          ['region', 'north'] as const,
          ['region', 'south'] as const,
          ['gender', 'female'] as const,
          ['gender', 'male'] as const,
          ['sector', 'technology'] as const,
          ['sector', 'services'] as const,
        ),
        min: fc.option(
          fc.integer({ min: 1, max: 8 }).map((k) => k / 20),
          { nil: undefined },
        ),
        max: fc.option(
          fc.integer({ min: 4, max: 20 }).map((k) => k / 20),
          { nil: undefined },
        ),
      }),
      { maxLength: 3 },
    ),
    pinnedIn: fc.uniqueArray(fc.nat(39), { maxLength: 2 }),
    pinnedOut: fc.uniqueArray(fc.nat(39), { maxLength: 2 }),
  })
  .map(({ people, size, capacities, shares, pinnedIn, pinnedOut }) => {
    const id = (i: number) => `c${String(i).padStart(2, '0')}`;
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

// GLPK is the independent solver: its model is built from the input by selection.testing.ts, with a
// binary per candidate and per (candidate, preferred hub), not by the solver's model builder.
describe(`${selectCohort.name} against GLPK`, () => {
  let glpk: Glpk;
  beforeAll(async () => {
    glpk = await Glpk.start();
  });
  afterAll(() => glpk.stop());

  it('selects 80 of a generated cohort of 2,000: every constraint holds and the objective is GLPK’s', async () => {
    const input = generateSelectionInput({ candidates: 2000, size: 80, seed: 2026 });

    const result = await selectCohort(input);

    expect(result.status).toBe('optimal');
    expect(violations(input, result)).toEqual([]);
    // The quotas bind: the unconstrained top breaks them, so this is not the trivial case.
    expect(result.unconstrainedObjective - result.objective).toBeGreaterThan(1);
    const optimum = await glpkOptimum(glpk, input);
    expect(optimum).not.toBeNull();
    expect(result.objective).toBeCloseTo(optimum!, 6);
  }, 120_000);

  it('names the clashing quotas of a generated cohort of 2,000, and GLPK agrees they clash', async () => {
    const generated = generateSelectionInput({ candidates: 2000, size: 80, seed: 5 });
    const input: SelectionInput = {
      ...generated,
      shares: [...generated.shares, { id: 'men', attribute: 'gender', value: 'male', min: 0.65 }],
    };

    const result = await selectCohort(input);

    expect(result.status).toBe('infeasible');
    expect(result.clash).toEqual(['women', 'men']);
    expect(await glpkOptimum(glpk, input, (c) => c === 'women' || c === 'men')).toBeNull();
    expect(await glpkOptimum(glpk, input, (c) => c !== 'men')).not.toBeNull();
  }, 120_000);

  it('with pins and exactly as many hub seats as the size: optimum and prices as GLPK’s', async () => {
    const generated = generateSelectionInput({ candidates: 2000, size: 60, seed: 11 });
    const ids = generated.candidates.map((c) => c.id);
    const input: SelectionInput = {
      ...generated,
      hubCapacities: { SG: 20, JP: 20, KR: 10, EU: 10 },
      pinnedIn: [ids[1500], ids[1800]],
      pinnedOut: generated.candidates
        .slice()
        .sort((a, b) => b.score - a.score)
        .slice(0, 3)
        .map((c) => c.id),
    };

    const result = await selectCohort(input);

    expect(violations(input, result)).toEqual([]);
    const optimum = await glpkOptimum(glpk, input);
    expect(result.objective).toBeCloseTo(optimum!, 6);
    for (const constraint of ['hubs', 'pinnedIn', 'pinnedOut', 'women', 'sector-energy']) {
      const without = await glpkOptimum(glpk, input, (c) => c !== constraint);
      expect(result.prices.find((p) => p.constraint === constraint)?.objectiveWithout).toBeCloseTo(without!, 6);
    }
    expect(result.prices.find((p) => p.constraint === 'pinnedIn')!.price).toBeGreaterThan(0);
  }, 120_000);

  it('on small random inputs: the same optimum, prices and clashes as GLPK (and as brute force when tiny)', async () => {
    const outcomes = { optimal: 0, infeasible: 0 };
    await fc.assert(
      fc.asyncProperty(smallInput, async (input) => {
        const result = await selectCohort(input);
        const optimum = await glpkOptimum(glpk, input);
        if (input.candidates.length <= 12) {
          // Sums of the same scores in another order differ in the last bits (14.5523 vs 14.552299…).
          const brute = bruteForceOptimum(input);
          if (optimum === null) expect(brute).toBeNull();
          else expect(brute).toBeCloseTo(optimum, 9);
        }
        outcomes[result.status]++;

        if (optimum === null) {
          expect(result.status).toBe('infeasible');
          const clash = result.clash!;
          if (clash.includes('size')) {
            expect(clash).toEqual(['size']);
            expect(input.candidates.length).toBeLessThan(input.size);
            return;
          }
          // The clash alone is infeasible, and minimal: without any one of it, the rest is feasible.
          expect(await glpkOptimum(glpk, input, (c) => clash.includes(c))).toBeNull();
          for (const dropped of clash) {
            expect(await glpkOptimum(glpk, input, (c) => clash.includes(c) && c !== dropped)).not.toBeNull();
          }
          return;
        }
        expect(result.status).toBe('optimal');
        expect(violations(input, result)).toEqual([]);
        expect(result.objective).toBeCloseTo(optimum, 6);
        const top = input.candidates.map((c) => c.score).sort((a, b) => b - a);
        expect(result.unconstrainedObjective).toBeCloseTo(
          top.slice(0, input.size).reduce((a, b) => a + b, 0),
          6,
        );
        for (const { constraint, objectiveWithout, price } of result.prices) {
          const without = await glpkOptimum(glpk, input, (c) => c !== constraint);
          expect(objectiveWithout).toBeCloseTo(without!, 6);
          expect(price).toBeCloseTo(without! - optimum, 6);
        }
        const chosen = new Set(result.selected.map((s) => s.id));
        const rest = input.candidates.filter((c) => !chosen.has(c.id) && !input.pinnedOut!.includes(c.id));
        expect(result.waitlist.map((w) => w.id).sort()).toEqual(rest.map((c) => c.id).sort());
      }),
      { numRuns: 150 },
    );
    // Both branches were exercised.
    expect(outcomes.optimal).toBeGreaterThan(25);
    expect(outcomes.infeasible).toBeGreaterThan(25);
  }, 120_000);
});
