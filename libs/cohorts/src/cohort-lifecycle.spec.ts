import { COHORT_TRANSITIONS, canTransition } from './cohort-lifecycle';
import { COHORT_STATUSES } from './entities/cohort.entity';

describe(canTransition.name, () => {
  it('moves a cohort forward through its lifecycle only', () => {
    expect(canTransition('draft', 'open')).toBe(true);
    expect(canTransition('open', 'reviewing')).toBe(true);
    expect(canTransition('reviewing', 'open')).toBe(false);
    expect(canTransition('closed', 'open')).toBe(false);
  });

  it('reaches every status from draft, and nothing leaves closed', () => {
    const seen = new Set<string>(['draft']);
    const queue = ['draft'] as Array<keyof typeof COHORT_TRANSITIONS>;
    for (let status = queue.shift(); status; status = queue.shift()) {
      for (const next of COHORT_TRANSITIONS[status]) {
        if (!seen.has(next)) {
          seen.add(next);
          queue.push(next);
        }
      }
    }
    expect([...seen].sort()).toEqual([...COHORT_STATUSES].sort());
    expect(COHORT_TRANSITIONS.closed).toEqual([]);
  });
});
