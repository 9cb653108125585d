import { APPLICATION_TRANSITIONS, FINAL_STATUSES, canTransitionApplication } from './application-lifecycle';
import { APPLICATION_STATUSES } from './entities/application.entity';

describe(canTransitionApplication.name, () => {
  it('lets an applicant withdraw from every non-final state, and nothing leaves a final one', () => {
    for (const status of APPLICATION_STATUSES) {
      const final = FINAL_STATUSES.includes(status);
      expect(canTransitionApplication(status, 'withdrawn')).toBe(!final);
      if (final) expect(APPLICATION_TRANSITIONS[status]).toEqual([]);
    }
  });

  it('follows the selection order', () => {
    expect(canTransitionApplication('draft', 'submitted')).toBe(true);
    expect(canTransitionApplication('draft', 'under_review')).toBe(false);
    expect(canTransitionApplication('offered', 'accepted')).toBe(true);
    expect(canTransitionApplication('rejected', 'offered')).toBe(false);
  });
});
