import { programDay } from '@vgbf/core';
import { milestoneStatus } from './milestone-status';
import { MILESTONE_TRANSITIONS, nextState } from './milestone-lifecycle';

describe('milestone status', () => {
  it.each([
    ['open', '2027-10-09', 'upcoming'],
    ['open', '2027-10-08', 'due_soon'],
    ['open', '2027-10-01', 'due_soon'],
    ['open', '2027-09-30', 'overdue'],
    ['submitted', '2027-09-30', 'submitted'],
    ['waived', '2027-09-30', 'waived'],
    ['approved', '2027-09-30', 'approved'],
    // Sent back and not resubmitted in time: still owed, so overdue.
    ['changes_requested', '2027-09-30', 'overdue'],
    ['changes_requested', '2027-10-05', 'changes_requested'],
  ] as const)('%s due %s on 2027-10-01 → %s', (state, dueOn, status) => {
    expect(milestoneStatus(state, dueOn, '2027-10-01')).toBe(status);
  });

  it('takes today in Vietnam: 17:00 UTC is already the next day', () => {
    expect(programDay(new Date('2027-09-30T16:59:00Z'))).toBe('2027-09-30');
    expect(programDay(new Date('2027-09-30T17:00:00Z'))).toBe('2027-10-01');
  });

  it('allows only the lifecycle table’s transitions', () => {
    expect(nextState('open', 'submit')).toBe('submitted');
    expect(nextState('changes_requested', 'submit')).toBe('submitted');
    expect(() => nextState('approved', 'submit')).toThrow(/approved/);
    expect(() => nextState('waived', 'waive')).toThrow();
    expect(MILESTONE_TRANSITIONS.approve.from).toEqual(['submitted']);
  });
});
