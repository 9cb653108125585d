import { APPLICATION_STATUSES, canTransitionApplication } from '@vgbf/applications';
import { pathTo, statusCounts } from './demo-history';
import { Rng } from './random';

describe(statusCounts.name, () => {
  it('puts at least one application in every status and adds up to the count', () => {
    for (const count of [12, 13, 100, 300, 1000, 4321]) {
      const counts = statusCounts(count);
      expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(count);
      expect(APPLICATION_STATUSES.every((s) => counts[s] >= 1)).toBe(true);
    }
    expect(statusCounts(300)).toMatchObject({ draft: 44, under_review: 49, accepted: 15 });
    expect(() => statusCounts(11)).toThrow(/at least 12/);
  });
});

describe(pathTo.name, () => {
  it('reaches every status from draft through allowed transitions only', () => {
    const rng = new Rng(1);
    for (const status of APPLICATION_STATUSES) {
      for (let i = 0; i < 50; i++) {
        const path = pathTo(status, rng);
        let from = 'draft' as (typeof APPLICATION_STATUSES)[number];
        for (const to of path) {
          expect(`${from} → ${to}: ${canTransitionApplication(from, to)}`).toBe(`${from} → ${to}: true`);
          from = to;
        }
        expect(from).toBe(status);
      }
    }
  });
});
