import { assignReviewers, type AssignmentInput } from './assignment';
import { generateAssignmentInput } from './assignment-instance';
import { assignmentLowerBound } from './assignment-lower-bound';

describe(assignmentLowerBound.name, () => {
  it('stays exact when some loads lie far from the mean', async () => {
    // 150 applications can only go to r1: its load (150) is far outside the first window around the mean (50).
    const input: AssignmentInput = {
      applications: Array.from({ length: 200 }, (_, i) => ({
        id: `a${String(i).padStart(3, '0')}`,
        sector: i % 2 ? 'energy' : null,
      })),
      reviewers: ['r1', 'r2', 'r3', 'r4'].map((id, i) => ({ id, sectors: i % 2 ? ['energy'] : [] })),
      k: 1,
      conflicts: Array.from({ length: 150 }, (_, i) => i).flatMap((i) =>
        ['r2', 'r3', 'r4'].map((reviewerId) => ({ applicationId: `a${String(i).padStart(3, '0')}`, reviewerId })),
      ),
    };
    const result = assignReviewers(input);
    if (result.status !== 'optimal') throw new Error('expected an assignment');

    expect(result.loads.r1).toBe(150);
    expect(await assignmentLowerBound(input)).toEqual({
      status: 'optimal',
      loadSquares: result.objective.loadSquares,
      sectorMismatches: result.objective.sectorMismatches,
    });
  });

  it('proves infeasibility', async () => {
    const input: AssignmentInput = {
      applications: [{ id: 'a1', sector: null }],
      reviewers: [
        { id: 'r1', sectors: [], maxLoad: 0 },
        { id: 'r2', sectors: [] },
      ],
      k: 2,
      conflicts: [],
    };
    expect(await assignmentLowerBound(input)).toEqual({ status: 'infeasible' });
  });

  // A scale test, not a benchmark (npm run bench -- committee times it): the flow's answer at the
  // size of the target is valid and meets the LP bound.
  it('meets the flow’s objective on 10,000 applications × 60 reviewers × k = 3', async () => {
    const input = generateAssignmentInput({ applications: 10_000, reviewers: 60, k: 3, conflicts: 50, seed: 5 });
    const result = assignReviewers(input);
    if (result.status !== 'optimal') throw new Error('expected an assignment');

    const conflicted = new Set(input.conflicts.map((c) => `${c.applicationId}|${c.reviewerId}`));
    const perApplication = new Map<string, Set<string>>();
    for (const p of result.pairs) {
      expect(conflicted.has(`${p.applicationId}|${p.reviewerId}`)).toBe(false);
      perApplication.set(p.applicationId, (perApplication.get(p.applicationId) ?? new Set()).add(p.reviewerId));
    }
    expect(result.pairs).toHaveLength(30_000);
    expect([...perApplication.values()].every((reviewers) => reviewers.size === 3)).toBe(true);
    expect(perApplication.size).toBe(10_000);
    expect(result.objective.imbalance).toBeLessThanOrEqual(1);
    expect(await assignmentLowerBound(input)).toEqual({
      status: 'optimal',
      loadSquares: result.objective.loadSquares,
      sectorMismatches: result.objective.sectorMismatches,
    });
  });
});
