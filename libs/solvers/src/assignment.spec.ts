import fc from 'fast-check';
import {
  assignReviewers,
  AssignmentInputError,
  dealRoundRobin,
  type AssignmentInput,
  type AssignmentResult,
} from './assignment';

const apps = (n: number, sector: string | null = null) =>
  Array.from({ length: n }, (_, i) => ({ id: `a${String(i + 1).padStart(2, '0')}`, sector }));
const revs = (n: number, sectors: string[] = []) => Array.from({ length: n }, (_, i) => ({ id: `r${i + 1}`, sectors }));

function optimal(result: AssignmentResult) {
  if (result.status !== 'optimal') throw new Error(`expected an assignment, got ${JSON.stringify(result)}`);
  return result;
}

function reviewersOf(result: AssignmentResult, applicationId: string): string[] {
  return optimal(result)
    .pairs.filter((p) => p.applicationId === applicationId)
    .map((p) => p.reviewerId);
}

describe(assignReviewers.name, () => {
  it('gives every application k distinct reviewers with loads within one of each other', () => {
    const result = optimal(assignReviewers({ applications: apps(10), reviewers: revs(4), k: 3, conflicts: [] }));

    expect(result.pairs).toHaveLength(30);
    for (const a of apps(10)) expect(new Set(reviewersOf(result, a.id)).size).toBe(3);
    expect(Object.values(result.loads).sort()).toEqual([7, 7, 8, 8]);
    expect(result.objective).toEqual({ loadSquares: 2 * 64 + 2 * 49, imbalance: 1, sectorMismatches: 30 });
  });

  it('never assigns a conflicted pair', () => {
    const conflicts = [
      { applicationId: 'a01', reviewerId: 'r1' },
      { applicationId: 'a02', reviewerId: 'r2' },
      { applicationId: 'a02', reviewerId: 'r3' },
    ];
    const result = optimal(assignReviewers({ applications: apps(6), reviewers: revs(4), k: 2, conflicts }));

    expect(reviewersOf(result, 'a01')).not.toContain('r1');
    expect(reviewersOf(result, 'a02')).toEqual(['r1', 'r4']);
    expect(result.objective.imbalance).toBe(0);
  });

  it('prefers reviewers of the application’s sector', () => {
    const result = optimal(
      assignReviewers({
        applications: [...apps(4, 'energy'), { id: 'b1', sector: 'finance' }, { id: 'b2', sector: 'finance' }],
        reviewers: [
          { id: 'r1', sectors: ['energy'] },
          { id: 'r2', sectors: ['energy', 'retail'] },
          { id: 'r3', sectors: ['finance'] },
          { id: 'r4', sectors: ['finance'] },
        ],
        k: 1,
        conflicts: [],
      }),
    );

    expect(result.objective.sectorMismatches).toBe(0);
    expect(result.pairs.every((p) => p.sectorMatch)).toBe(true);
    expect(result.loads).toEqual({ r1: 2, r2: 2, r3: 1, r4: 1 });
  });

  it('puts even loads before sector matches', () => {
    const result = optimal(
      assignReviewers({
        applications: apps(6, 'energy'),
        reviewers: [
          { id: 'r1', sectors: ['energy'] },
          { id: 'r2', sectors: ['finance'] },
          { id: 'r3', sectors: ['finance'] },
        ],
        k: 1,
        conflicts: [],
      }),
    );

    expect(result.loads).toEqual({ r1: 2, r2: 2, r3: 2 });
    expect(result.objective.sectorMismatches).toBe(4);
  });

  it('respects maxLoad', () => {
    const reviewers = [{ id: 'r1', sectors: [], maxLoad: 1 }, ...revs(4).slice(1)];
    const result = optimal(assignReviewers({ applications: apps(6), reviewers, k: 2, conflicts: [] }));

    expect(result.loads.r1).toBe(1);
    expect([result.loads.r2, result.loads.r3, result.loads.r4].sort()).toEqual([3, 4, 4]);
  });

  it('keeps existing assignments on a re-run and assigns only what changed', () => {
    const first = optimal(assignReviewers({ applications: apps(6), reviewers: revs(4), k: 2, conflicts: [] }));
    const keep = first.pairs.map(({ applicationId, reviewerId }) => ({ applicationId, reviewerId }));
    const late = { applicationId: keep[0].applicationId, reviewerId: keep[0].reviewerId };

    const again = optimal(
      assignReviewers({ applications: apps(7), reviewers: revs(4), k: 2, conflicts: [late], keep }),
    );

    const keptNow = again.pairs
      .filter((p) => p.kept)
      .map(({ applicationId, reviewerId }) => ({ applicationId, reviewerId }));
    expect(keptNow).toEqual(keep.slice(1));
    expect(again.conflictedKeeps).toEqual([late]);
    expect(reviewersOf(again, late.applicationId)).not.toContain(late.reviewerId);
    expect(reviewersOf(again, late.applicationId)).toHaveLength(2);
    expect(reviewersOf(again, 'a07')).toHaveLength(2);
    expect(again.pairs.filter((p) => !p.kept)).toHaveLength(3);
  });

  it('keeps more than k kept reviewers, and a reviewer over maxLoad through kept pairs', () => {
    const keep = ['r1', 'r2', 'r3'].map((reviewerId) => ({ applicationId: 'a01', reviewerId }));
    const reviewers = [{ id: 'r1', sectors: [], maxLoad: 0 }, ...revs(3).slice(1)];

    const result = optimal(assignReviewers({ applications: apps(2), reviewers, k: 2, conflicts: [], keep }));

    expect(reviewersOf(result, 'a01')).toEqual(['r1', 'r2', 'r3']);
    expect(reviewersOf(result, 'a02')).toEqual(['r2', 'r3']);
  });

  it('reports applications with too few possible reviewers instead of throwing', () => {
    const conflicts = ['r1', 'r2'].map((reviewerId) => ({ applicationId: 'a02', reviewerId }));

    const result = assignReviewers({ applications: apps(3), reviewers: revs(4), k: 3, conflicts });

    expect(result).toEqual({
      status: 'infeasible',
      shortfalls: [{ applicationId: 'a02', available: 2, needed: 3, reason: 'too-few-reviewers' }],
      conflictedKeeps: [],
    });
  });

  it('reports the applications that together exceed the reviewers’ maxLoad', () => {
    const reviewers = revs(3).map((r) => ({ ...r, maxLoad: 3 }));

    const result = assignReviewers({ applications: apps(5), reviewers, k: 2, conflicts: [] });

    expect(result.status).toBe('infeasible');
    if (result.status !== 'infeasible') return;
    expect(result.shortfalls.map((s) => s.applicationId)).toEqual(['a01', 'a02', 'a03', 'a04', 'a05']);
    expect(new Set(result.shortfalls.map((s) => `${s.available}/${s.needed}/${s.reason}`))).toEqual(
      new Set(['3/2/reviewer-capacity']),
    );
  });

  it('gives the same result whatever the order of the input', () => {
    const input: AssignmentInput = {
      applications: [...apps(7, 'energy'), ...apps(5, 'finance').map((a) => ({ ...a, id: `b${a.id}` }))],
      reviewers: [
        { id: 'r1', sectors: ['energy'] },
        { id: 'r2', sectors: ['finance', 'energy'] },
        { id: 'r3', sectors: [] },
        { id: 'r4', sectors: ['finance'] },
      ],
      k: 2,
      conflicts: [{ applicationId: 'a03', reviewerId: 'r1' }],
    };
    const reversed: AssignmentInput = {
      ...input,
      applications: [...input.applications].reverse(),
      reviewers: [...input.reviewers].reverse(),
    };

    expect(assignReviewers(reversed)).toEqual(assignReviewers(input));
  });

  it('handles nothing to assign', () => {
    expect(optimal(assignReviewers({ applications: apps(3), reviewers: revs(2), k: 0, conflicts: [] })).pairs).toEqual(
      [],
    );
    expect(optimal(assignReviewers({ applications: [], reviewers: [], k: 3, conflicts: [] })).objective).toEqual({
      loadSquares: 0,
      imbalance: 0,
      sectorMismatches: 0,
    });
  });

  it('rejects malformed input', () => {
    const base = { applications: apps(2), reviewers: revs(2), k: 1, conflicts: [] };
    const code = (input: AssignmentInput) => {
      try {
        assignReviewers(input);
      } catch (error) {
        return error instanceof AssignmentInputError ? error.code : String(error);
      }
      return 'no error';
    };

    expect(code({ ...base, applications: [...apps(2), ...apps(1)] })).toBe('assignment.duplicate_id');
    expect(code({ ...base, k: 1.5 })).toBe('assignment.invalid_k');
    expect(code({ ...base, reviewers: [{ id: 'r1', sectors: [], maxLoad: -1 }] })).toBe('assignment.invalid_max_load');
    expect(code({ ...base, keep: [{ applicationId: 'zz', reviewerId: 'r1' }] })).toBe('assignment.unknown_kept_pair');
    expect(code({ ...base, conflicts: [{ applicationId: 'zz', reviewerId: 'r1' }] })).toBe('no error');
  });
});

describe(dealRoundRobin.name, () => {
  // Any class flow comes from some per-application choice of `need` distinct reviewers; count it.
  const classFlow = fc
    .record({ size: fc.integer({ min: 1, max: 25 }), reviewers: fc.integer({ min: 1, max: 12 }) })
    .chain(({ size, reviewers }) =>
      fc.record({
        size: fc.constant(size),
        need: fc.integer({ min: 1, max: reviewers }),
        choices: fc.array(
          fc.shuffledSubarray(
            Array.from({ length: reviewers }, (_, r) => r),
            { minLength: reviewers },
          ),
          {
            minLength: size,
            maxLength: size,
          },
        ),
      }),
    )
    .map(({ size, need, choices }) => {
      const counts = new Map<number, number>();
      for (const choice of choices) for (const r of choice.slice(0, need)) counts.set(r, (counts.get(r) ?? 0) + 1);
      return {
        size,
        need,
        counts: [...counts].sort(([a], [b]) => a - b).map(([reviewer, count]) => ({ reviewer, count })),
      };
    });

  it('gives every application exactly `need` distinct reviewers and every reviewer its count', () => {
    fc.assert(
      fc.property(classFlow, ({ size, need, counts }) => {
        const dealt = dealRoundRobin(size, counts);

        expect(dealt).toHaveLength(size);
        for (const reviewers of dealt) {
          expect(reviewers).toHaveLength(need);
          expect(new Set(reviewers).size).toBe(need);
        }
        for (const { reviewer, count } of counts)
          expect(dealt.flat().filter((r) => r === reviewer)).toHaveLength(count);
      }),
      { numRuns: 300 },
    );
  });

  it('refuses a count above the class size or slots that do not split evenly', () => {
    expect(() =>
      dealRoundRobin(2, [
        { reviewer: 'r1', count: 3 },
        { reviewer: 'r2', count: 1 },
      ]),
    ).toThrow(RangeError);
    expect(() => dealRoundRobin(2, [{ reviewer: 'r1', count: 1 }])).toThrow(RangeError);
  });
});
