import fc from 'fast-check';
import loadHighs from 'highs';
import { placeFellows } from './placement';
import type { PlacementFellow, PlacementInfeasibility, PlacementInput, PlacementResult } from './placement.types';

type Highs = Awaited<ReturnType<typeof loadHighs>>;

const CODES = ['A', 'B', 'C', 'D'];

/** Small random instances with every rule in play: capacities, minimums, language, locks, forbids. */
const instances: fc.Arbitrary<PlacementInput> = fc
  .record({ hubs: fc.integer({ min: 1, max: 4 }), fellows: fc.integer({ min: 1, max: 12 }) })
  .chain(({ hubs: h, fellows: n }) => {
    const codes = CODES.slice(0, h);
    return fc.record({
      hubs: fc.array(
        fc
          .record({
            capacity: fc.oneof(
              { weight: 4, arbitrary: fc.integer({ min: Math.ceil(n / h), max: Math.ceil((2 * n) / h) + 1 }) },
              { weight: 1, arbitrary: fc.integer({ min: 0, max: Math.ceil(n / h) }) },
            ),
            minimum: fc.oneof({ weight: 2, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.nat(3) }),
          })
          .map(({ capacity, minimum }) => ({ capacity, minimum: Math.min(capacity, minimum) })),
        { minLength: h, maxLength: h },
      ),
      fellows: fc.array(
        fc.record({
          score: fc.integer({ min: 1, max: 5 }),
          preferences: fc.shuffledSubarray(codes),
          eligibleHubs: fc.oneof(
            { weight: 12, arbitrary: fc.constant(codes) },
            { weight: 6, arbitrary: fc.subarray(codes, { minLength: 1 }) },
            { weight: 1, arbitrary: fc.subarray(codes) },
          ),
          lockedHub: fc.oneof(
            { weight: 12, arbitrary: fc.constant(null) },
            { weight: 1, arbitrary: fc.constantFrom(...codes) },
          ),
          forbiddenHubs: fc.oneof(
            { weight: 10, arbitrary: fc.constant(undefined) },
            { weight: 1, arbitrary: fc.subarray(codes, { maxLength: 1 }) },
          ),
        }),
        { minLength: n, maxLength: n },
      ),
      rankWeights: fc
        .array(fc.nat(4), { minLength: 1, maxLength: 4 })
        .map((steps) => steps.map((_, i) => steps.slice(i).reduce((s, d) => s + d, 0))),
    });
  })
  .map(({ hubs, fellows, rankWeights }) => ({
    hubs: hubs.map((hub, i) => ({ code: CODES[i], ...hub })),
    fellows: fellows.map((f, i) => ({ id: `f${String(i).padStart(2, '0')}`, ...f })),
    rankWeights,
  }));

/** The rules of the issue, restated directly on fellows and hubs. */
function allowedHubs(input: PlacementInput, f: PlacementFellow): string[] {
  const forbidden = f.forbiddenHubs ?? [];
  if (f.lockedHub != null) return forbidden.includes(f.lockedHub) ? [] : [f.lockedHub];
  return input.hubs.map((h) => h.code).filter((c) => f.eligibleHubs.includes(c) && !forbidden.includes(c));
}
const pointsOf = (input: PlacementInput, f: PlacementFellow, hub: string) => {
  const r = f.preferences.indexOf(hub);
  return r < 0 ? 0 : (input.rankWeights[r] ?? 0);
};

/** The maximum total points by an independent integer program on binary x[fellow][hub], solved by HiGHS. */
function integerOptimum(highs: Highs, input: PlacementInput): number | 'infeasible' {
  const objective: string[] = [];
  const rows: string[] = [];
  const binaries: string[] = [];
  const byHub = new Map(input.hubs.map((h) => [h.code, [] as string[]]));
  for (const [i, f] of input.fellows.entries()) {
    const vars = allowedHubs(input, f).map((hub) => {
      const v = `x_${i}_${hub}`;
      binaries.push(v);
      byHub.get(hub)!.push(v);
      objective.push(`${pointsOf(input, f, hub)} ${v}`);
      return v;
    });
    if (vars.length === 0) return 'infeasible';
    rows.push(`fellow_${i}: ${vars.join(' + ')} = 1`);
  }
  for (const hub of input.hubs) {
    const vars = byHub.get(hub.code)!;
    if (vars.length === 0) {
      if ((hub.minimum ?? 0) > 0) return 'infeasible';
      continue;
    }
    rows.push(`cap_${hub.code}: ${vars.join(' + ')} <= ${hub.capacity}`);
    rows.push(`min_${hub.code}: ${vars.join(' + ')} >= ${hub.minimum ?? 0}`);
  }
  const lp = ['Maximize', `obj: ${objective.join(' + ')}`, 'Subject To', ...rows, 'Binary', ...binaries, 'End'];
  const solution = highs.solve(lp.join('\n'), { output_flag: false });
  if (solution.Status === 'Infeasible') return 'infeasible';
  if (solution.Status !== 'Optimal') throw new Error(`HiGHS: ${solution.Status}`);
  return Math.round(solution.ObjectiveValue);
}

/** Every hard constraint, and every explanation true of the placement. */
function expectValid(input: PlacementInput, result: Extract<PlacementResult, { status: 'optimal' }>): void {
  const byId = new Map(input.fellows.map((f) => [f.id, f]));
  expect(result.placements.map((p) => p.fellowId)).toEqual([...byId.keys()].sort());
  const hubOf = new Map(result.placements.map((p) => [p.fellowId, p.hub]));
  const count = (hub: string) => result.placements.filter((p) => p.hub === hub).length;
  for (const hub of input.hubs) {
    expect(count(hub.code)).toBeLessThanOrEqual(hub.capacity);
    expect(count(hub.code)).toBeGreaterThanOrEqual(hub.minimum ?? 0);
  }
  let total = 0;
  for (const p of result.placements) {
    const f = byId.get(p.fellowId)!;
    expect(allowedHubs(input, f)).toContain(p.hub);
    if (f.lockedHub != null) expect(p.hub).toBe(f.lockedHub);
    expect(f.forbiddenHubs ?? []).not.toContain(p.hub);
    expect(p.locked).toBe(f.lockedHub != null);
    const rank = f.preferences.indexOf(p.hub);
    expect(p.rank).toBe(rank < 0 ? null : rank + 1);
    expect(p.points).toBe(pointsOf(input, f, p.hub));
    total += p.points;
    const above = rank < 0 ? f.preferences : f.preferences.slice(0, rank);
    expect(p.notHigher.map((n) => [n.hub, n.rank])).toEqual(above.map((hub, r) => [hub, r + 1]));
    for (const n of p.notHigher) {
      const hub = input.hubs.find((h) => h.code === n.hub)!;
      switch (n.reason) {
        case 'locked':
          expect(f.lockedHub).not.toBeNull();
          expect(f.lockedHub).not.toBe(n.hub);
          break;
        case 'forbidden':
          expect(f.forbiddenHubs).toContain(n.hub);
          break;
        case 'language':
          expect(f.eligibleHubs).not.toContain(n.hub);
          break;
        case 'capacity': {
          expect(count(n.hub)).toBe(hub.capacity);
          expect(n.capacity).toBe(hub.capacity);
          const there = input.fellows.filter((o) => hubOf.get(o.id) === n.hub);
          expect(n.higherScored).toBe(there.filter((o) => o.score > f.score).length);
          break;
        }
        case 'minimum': {
          const got = input.hubs.find((h) => h.code === p.hub)!;
          expect(n.minimumHub).toBe(p.hub);
          expect(n.minimum).toBe(got.minimum ?? 0);
          expect(count(p.hub)).toBe(got.minimum ?? 0);
          break;
        }
      }
    }
  }
  expect(result.totalPoints).toBe(total);
}

/** Each reason alone proves that no placement exists. */
function expectProof(input: PlacementInput, reason: PlacementInfeasibility): void {
  const fellow = (id: string) => input.fellows.find((f) => f.id === id)!;
  const hub = (code: string) => input.hubs.find((h) => h.code === code)!;
  const canGo = (code: string) => input.fellows.filter((f) => allowedHubs(input, f).includes(code));
  switch (reason.kind) {
    case 'no_hub':
      expect(reason.fellowIds.length).toBeGreaterThan(0);
      for (const id of reason.fellowIds) expect(allowedHubs(input, fellow(id))).toEqual([]);
      break;
    case 'lock_forbidden':
      expect(fellow(reason.fellowId).lockedHub).toBe(reason.hub);
      expect(fellow(reason.fellowId).forbiddenHubs).toContain(reason.hub);
      break;
    case 'lock_over_capacity':
      expect(input.fellows.filter((f) => f.lockedHub === reason.hub)).toHaveLength(reason.locked);
      expect(hub(reason.hub).capacity).toBe(reason.capacity);
      expect(reason.locked).toBeGreaterThan(reason.capacity);
      break;
    case 'capacity':
      expect(reason.needed).toBe(input.fellows.length);
      expect(reason.available).toBe(input.hubs.reduce((s, h) => s + h.capacity, 0));
      expect(reason.needed).toBeGreaterThan(reason.available);
      break;
    case 'minimum':
      expect(hub(reason.hub).minimum).toBe(reason.minimum);
      expect(canGo(reason.hub)).toHaveLength(reason.eligible);
      expect(reason.eligible).toBeLessThan(reason.minimum);
      break;
    case 'minimums': {
      expect(reason.minimum).toBe(reason.hubs.reduce((s, c) => s + (hub(c).minimum ?? 0), 0));
      const reach = input.fellows.filter((f) => allowedHubs(input, f).some((c) => reason.hubs.includes(c)));
      expect(reason.fellowIds.sort()).toEqual(reach.map((f) => f.id).sort());
      expect(reason.fellowIds.length).toBeLessThan(reason.minimum);
      break;
    }
    case 'crowded':
      for (const id of reason.fellowIds)
        for (const c of allowedHubs(input, fellow(id))) expect(reason.hubs).toContain(c);
      expect(reason.capacity).toBe(reason.hubs.reduce((s, c) => s + hub(c).capacity, 0));
      expect(reason.fellowIds.length).toBeGreaterThan(reason.capacity);
      break;
  }
}

describe(`${placeFellows.name} against an integer program`, () => {
  let highs: Highs;
  beforeAll(async () => {
    highs = await loadHighs();
  });

  it('holds every hard constraint, explains truthfully and reaches the integer optimum (or agrees there is none)', () => {
    let feasible = 0;
    let runs = 0;
    fc.assert(
      fc.property(instances, (input) => {
        runs++;
        const result = placeFellows(input);
        const optimum = integerOptimum(highs, input);
        if (result.status === 'infeasible') {
          expect(optimum).toBe('infeasible');
          expect(result.reasons.length).toBeGreaterThan(0);
          for (const reason of result.reasons) expectProof(input, reason);
          return;
        }
        feasible++;
        expectValid(input, result);
        expect(result.totalPoints).toBe(optimum);
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
            hubs: fc.shuffledSubarray([...input.hubs], { minLength: input.hubs.length }),
            fellows: fc.shuffledSubarray([...input.fellows], { minLength: input.fellows.length }),
          }),
        ),
        ({ input, hubs, fellows }) => {
          expect(placeFellows({ ...input, hubs, fellows })).toEqual(placeFellows(input));
        },
      ),
      { numRuns: 100 },
    );
  });
});
