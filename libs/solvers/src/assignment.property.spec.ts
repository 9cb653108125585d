import fc from 'fast-check';
import loadHighs from 'highs';
import { assignReviewers, type AssignmentInput, type AssignmentResult } from './assignment';
import { assignmentLowerBound } from './assignment-lower-bound';

type Highs = Awaited<ReturnType<typeof loadHighs>>;

/** Small random instances: every hard rule (conflicts, keeps, caps, more keeps than k) in play. */
const instances: fc.Arbitrary<AssignmentInput> = fc
  .record({
    applications: fc.integer({ min: 1, max: 12 }),
    reviewers: fc.integer({ min: 2, max: 8 }),
    k: fc.integer({ min: 1, max: 3 }),
  })
  .chain(({ applications: n, reviewers: m, k }) => {
    const pair = fc.record({ a: fc.nat(n - 1), r: fc.nat(m - 1) });
    const sectors = ['energy', 'finance', 'retail'];
    return fc.record({
      applications: fc.array(fc.option(fc.constantFrom(...sectors), { freq: 5 }), { minLength: n, maxLength: n }),
      reviewers: fc.array(
        fc.record({
          sectors: fc.subarray(sectors),
          maxLoad: fc.option(fc.integer({ min: 0, max: 8 }), { freq: 2, nil: undefined }),
        }),
        { minLength: m, maxLength: m },
      ),
      k: fc.constant(k),
      conflicts: fc.array(pair, { maxLength: Math.ceil((n * m) / 4) }),
      keep: fc.array(pair, { maxLength: n }),
    });
  })
  .map(({ applications, reviewers, k, conflicts, keep }) => {
    const a = (i: number) => `app-${i}`;
    const r = (i: number) => `rev-${i}`;
    return {
      applications: applications.map((sector, i) => ({ id: a(i), sector })),
      reviewers: reviewers.map(({ sectors, maxLoad }, i) =>
        maxLoad === undefined ? { id: r(i), sectors } : { id: r(i), sectors, maxLoad },
      ),
      k,
      conflicts: conflicts.map((p) => ({ applicationId: a(p.a), reviewerId: r(p.r) })),
      keep: keep.map((p) => ({ applicationId: a(p.a), reviewerId: r(p.r) })),
    };
  });

/** The rules of the issue, restated directly on application-reviewer pairs. */
function rules(input: AssignmentInput) {
  const key = (applicationId: string, reviewerId: string) => `${applicationId}|${reviewerId}`;
  const conflicted = new Set(input.conflicts.map((c) => key(c.applicationId, c.reviewerId)));
  const kept = new Set(
    (input.keep ?? []).map((p) => key(p.applicationId, p.reviewerId)).filter((p) => !conflicted.has(p)),
  );
  const keptOf = (applicationId: string) => input.reviewers.filter((r) => kept.has(key(applicationId, r.id))).length;
  const keptLoad = (reviewerId: string) => input.applications.filter((a) => kept.has(key(a.id, reviewerId))).length;
  const cap = (r: AssignmentInput['reviewers'][number]) =>
    r.maxLoad === undefined ? Infinity : Math.max(r.maxLoad, keptLoad(r.id));
  const matches = (a: AssignmentInput['applications'][number], r: AssignmentInput['reviewers'][number]) =>
    a.sector !== null && r.sectors.includes(a.sector);
  return { key, conflicted, kept, keptOf, keptLoad, cap, matches, needed: (a: string) => Math.max(input.k, keptOf(a)) };
}

/**
 * The optimum by an independent integer program on binary x[a][r], solved by HiGHS. Σ load² is
 * linear through unit variables u[r][j] (the j-th unit of r's load, cost 2j − 1: filled from the
 * bottom at the optimum, they add up to load²). Lexicographic: first min Σ load², then min
 * mismatches subject to Σ load² ≤ that minimum.
 */
function integerOptimum(
  highs: Highs,
  input: AssignmentInput,
): { loadSquares: number; sectorMismatches: number } | 'infeasible' {
  const { key, conflicted, kept, cap, matches, needed } = rules(input);
  const n = input.applications.length;
  const x = (a: number, r: number) => `x_${a}_${r}`;
  const bounds: string[] = [];
  const binaries: string[] = [];
  const mismatchTerms: string[] = [];
  const rows: string[] = [];
  const byReviewer = input.reviewers.map((): string[] => []);
  for (const [ai, app] of input.applications.entries()) {
    const vars: string[] = [];
    for (const [ri, rev] of input.reviewers.entries()) {
      if (conflicted.has(key(app.id, rev.id))) continue;
      const v = x(ai, ri);
      vars.push(v);
      byReviewer[ri].push(v);
      binaries.push(v);
      if (kept.has(key(app.id, rev.id))) bounds.push(`${v} = 1`);
      if (!matches(app, rev)) mismatchTerms.push(v);
    }
    if (vars.length === 0) return 'infeasible';
    rows.push(`app_${ai}: ${vars.join(' + ')} = ${needed(app.id)}`);
  }
  const squareTerms: string[] = [];
  for (const [ri, rev] of input.reviewers.entries()) {
    if (byReviewer[ri].length === 0) continue;
    const units = Array.from({ length: n }, (_, j) => `u_${ri}_${j + 1}`);
    binaries.push(...units);
    squareTerms.push(...units.map((u, j) => `${2 * j + 1} ${u}`));
    rows.push(`load_${ri}: ${byReviewer[ri].join(' + ')} - ${units.join(' - ')} = 0`);
    if (cap(rev) < Infinity) rows.push(`cap_${ri}: ${byReviewer[ri].join(' + ')} <= ${cap(rev)}`);
  }
  const solve = (objective: string[], extra: string[]) => {
    const terms = objective.length > 0 ? objective.join(' + ') : `0 ${binaries[0]}`;
    const lp = [
      'Minimize',
      `obj: ${terms}`,
      'Subject To',
      ...rows,
      ...extra,
      'Bounds',
      ...bounds,
      'Binary',
      ...binaries,
      'End',
    ];
    return highs.solve(lp.join('\n'), { output_flag: false });
  };
  const first = solve(squareTerms, []);
  if (first.Status === 'Infeasible') return 'infeasible';
  if (first.Status !== 'Optimal') throw new Error(`HiGHS: ${first.Status}`);
  const loadSquares = Math.round(first.ObjectiveValue);
  const second = solve(mismatchTerms, [`squares: ${squareTerms.join(' + ')} <= ${loadSquares}`]);
  if (second.Status !== 'Optimal') throw new Error(`HiGHS: ${second.Status}`);
  return { loadSquares, sectorMismatches: Math.round(second.ObjectiveValue) };
}

/** Every hard constraint, and an objective that matches the pairs. */
function expectValid(input: AssignmentInput, result: Extract<AssignmentResult, { status: 'optimal' }>): void {
  const { key, conflicted, kept, cap, matches, needed } = rules(input);
  const seen = new Set<string>();
  const loads = new Map(input.reviewers.map((r) => [r.id, 0]));
  for (const p of result.pairs) {
    const k = key(p.applicationId, p.reviewerId);
    expect(seen.has(k)).toBe(false);
    seen.add(k);
    expect(conflicted.has(k)).toBe(false);
    expect(p.kept).toBe(kept.has(k));
    const app = input.applications.find((a) => a.id === p.applicationId)!;
    const rev = input.reviewers.find((r) => r.id === p.reviewerId)!;
    expect(p.sectorMatch).toBe(matches(app, rev));
    loads.set(rev.id, loads.get(rev.id)! + 1);
  }
  for (const k of kept) expect(seen.has(k)).toBe(true);
  for (const a of input.applications)
    expect(result.pairs.filter((p) => p.applicationId === a.id)).toHaveLength(needed(a.id));
  for (const r of input.reviewers) expect(loads.get(r.id)).toBeLessThanOrEqual(cap(r));
  expect(result.loads).toEqual(Object.fromEntries(loads));
  const values = [...loads.values()];
  expect(result.objective).toEqual({
    loadSquares: values.reduce((s, l) => s + l * l, 0),
    imbalance: Math.max(...values) - Math.min(...values),
    sectorMismatches: result.pairs.filter((p) => !p.sectorMatch).length,
  });
  const conflictedKeeps = new Set(
    (input.keep ?? []).map((p) => key(p.applicationId, p.reviewerId)).filter((k) => conflicted.has(k)),
  );
  expect(new Set(result.conflictedKeeps.map((p) => key(p.applicationId, p.reviewerId)))).toEqual(conflictedKeeps);
}

/**
 * The shortfalls prove infeasibility: the listed applications need more new reviewers than their
 * possible reviewers can give them (each at most once per application, within its remaining cap),
 * and every application short of possible reviewers on its own is listed.
 */
function expectCertificate(input: AssignmentInput, result: Extract<AssignmentResult, { status: 'infeasible' }>): void {
  const { key, conflicted, kept, keptOf, keptLoad, cap, needed } = rules(input);
  const listed = new Set(result.shortfalls.map((s) => s.applicationId));
  const possible = (a: string, r: AssignmentInput['reviewers'][number]) =>
    !conflicted.has(key(a, r.id)) && !kept.has(key(a, r.id)) && cap(r) > keptLoad(r.id);
  const available = (a: string) => keptOf(a) + input.reviewers.filter((r) => possible(a, r)).length;
  for (const s of result.shortfalls) {
    expect(s).toEqual({
      applicationId: s.applicationId,
      available: available(s.applicationId),
      needed: needed(s.applicationId),
      reason: available(s.applicationId) < needed(s.applicationId) ? 'too-few-reviewers' : 'reviewer-capacity',
    });
  }
  for (const a of input.applications) if (available(a.id) < needed(a.id)) expect(listed.has(a.id)).toBe(true);
  const demand = [...listed].reduce((s, a) => s + needed(a) - keptOf(a), 0);
  const supply = input.reviewers.reduce(
    (s, r) => s + Math.min(cap(r) - keptLoad(r.id), [...listed].filter((a) => possible(a, r)).length),
    0,
  );
  expect(demand).toBeGreaterThan(supply);
}

describe(`${assignReviewers.name} against an integer program`, () => {
  let highs: Highs;
  beforeAll(async () => {
    highs = await loadHighs();
  });

  it('holds every hard constraint and reaches the integer optimum (or agrees there is none)', () => {
    let feasible = 0;
    fc.assert(
      fc.property(instances, (input) => {
        const result = assignReviewers(input);
        const optimum = integerOptimum(highs, input);
        if (result.status === 'infeasible') {
          expect(optimum).toBe('infeasible');
          expectCertificate(input, result);
          return;
        }
        feasible++;
        expectValid(input, result);
        expect(optimum).toEqual({
          loadSquares: result.objective.loadSquares,
          sectorMismatches: result.objective.sectorMismatches,
        });
      }),
      { numRuns: 300 },
    );
    // The generator must mostly produce solvable instances, or the optimality check proves little.
    expect(feasible).toBeGreaterThanOrEqual(200);
  });

  it('keeps loads within one of each other when nothing but k constrains them', () => {
    fc.assert(
      fc.property(instances, (input) => {
        const free = {
          ...input,
          conflicts: [],
          keep: [],
          reviewers: input.reviewers.map(({ id, sectors }) => ({ id, sectors })),
        };
        const result = assignReviewers(free);
        if (input.k > input.reviewers.length) return;
        expect(result.status).toBe('optimal');
        if (result.status === 'optimal') expect(result.objective.imbalance).toBeLessThanOrEqual(1);
      }),
      { numRuns: 200 },
    );
  });

  it('does not depend on the order of the input', () => {
    fc.assert(
      fc.property(
        instances.chain((input) =>
          fc.record({
            input: fc.constant(input),
            shuffled: fc.record({
              applications: fc.shuffledSubarray([...input.applications], { minLength: input.applications.length }),
              reviewers: fc.shuffledSubarray([...input.reviewers], { minLength: input.reviewers.length }),
              conflicts: fc.shuffledSubarray([...input.conflicts], { minLength: input.conflicts.length }),
              keep: fc.shuffledSubarray([...(input.keep ?? [])], { minLength: input.keep?.length ?? 0 }),
            }),
          }),
        ),
        ({ input, shuffled }) => {
          expect(assignReviewers({ ...input, ...shuffled })).toEqual(assignReviewers(input));
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe(`${assignmentLowerBound.name} on the same instances`, () => {
  it('equals the optimum reached by the flow, or agrees there is none', async () => {
    await fc.assert(
      fc.asyncProperty(instances, async (input) => {
        const result = assignReviewers(input);
        const bound = await assignmentLowerBound(input);
        if (result.status === 'infeasible') expect(bound).toEqual({ status: 'infeasible' });
        else {
          const { loadSquares, sectorMismatches } = result.objective;
          expect(bound).toEqual({ status: 'optimal', loadSquares, sectorMismatches });
        }
      }),
      { numRuns: 100 },
    );
  });
});
