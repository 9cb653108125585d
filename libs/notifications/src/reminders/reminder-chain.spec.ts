import {
  type ChainTarget,
  type ReminderChain,
  addDays,
  daysBetween,
  dueSteps,
  stepDueOn,
  upcomingSteps,
} from './reminder-chain';

/** The milestones' chain (libs/milestones declares it; notifications never imports a domain lib). */
type MilestoneAudience = 'fellow' | 'mentor' | 'staff';
type MilestoneStep = 'before_7d' | 'before_1d' | 'due_today' | 'overdue_1d' | 'overdue_7d' | 'escalation';
const MILESTONE_CHAIN = [
  { step: 'before_7d', offsetDays: -7, to: 'fellow', template: 'milestone-due-soon', mandatory: false },
  { step: 'before_1d', offsetDays: -1, to: 'fellow', template: 'milestone-due-soon', mandatory: false },
  { step: 'due_today', offsetDays: 0, to: 'fellow', template: 'milestone-due-today', mandatory: false },
  { step: 'overdue_1d', offsetDays: 1, to: 'fellow', template: 'milestone-overdue', mandatory: true },
  { step: 'overdue_7d', offsetDays: 7, to: 'fellow', template: 'milestone-overdue', mandatory: true },
  { step: 'escalation', offsetDays: 7, to: ['mentor', 'staff'], template: 'milestone-escalation', mandatory: true },
] as const satisfies ReminderChain<MilestoneStep, MilestoneAudience>;
const CATCH_UP_DAYS = 2;

type Target = ChainTarget<MilestoneStep, MilestoneAudience> & { name: string };
const DUE = '2027-10-15';
const target = (audience: MilestoneAudience, done: MilestoneStep[] = [], dueOn = DUE): Target => ({
  name: audience,
  dueOn,
  audience,
  done,
});
const on = (offset: number) => addDays(DUE, offset);

describe(stepDueOn.name, () => {
  it.each([
    [-8, undefined],
    [-7, 'before_7d'],
    [-1, 'before_1d'],
    [0, 'due_today'],
    [1, 'overdue_1d'],
    [7, 'overdue_7d'],
  ])('owes the fellow, on day %i, %s', (offset, step) => {
    expect(stepDueOn(MILESTONE_CHAIN, target('fellow'), on(offset), CATCH_UP_DAYS)?.step).toBe(step);
  });

  it('owes mentor and staff only the escalation, a week late', () => {
    for (const audience of ['mentor', 'staff'] as const) {
      expect(stepDueOn(MILESTONE_CHAIN, target(audience), on(6), CATCH_UP_DAYS)).toBeUndefined();
      expect(stepDueOn(MILESTONE_CHAIN, target(audience), on(7), CATCH_UP_DAYS)?.step).toBe('escalation');
    }
  });

  it('owes nothing for a step already done', () => {
    expect(stepDueOn(MILESTONE_CHAIN, target('fellow', ['before_1d']), on(-1), CATCH_UP_DAYS)).toBeUndefined();
  });

  it('sends a missed step late, only the latest one, and not after the catch-up days', () => {
    // The job did not run from day -7 to day -2: on day -1 only before_1d is owed, before_7d never.
    expect(stepDueOn(MILESTONE_CHAIN, target('fellow'), on(-1), CATCH_UP_DAYS)?.step).toBe('before_1d');
    // Missed day 1 (overdue_1d): sent on day 3, not on day 4.
    expect(stepDueOn(MILESTONE_CHAIN, target('fellow', ['due_today']), on(3), 2)?.step).toBe('overdue_1d');
    expect(stepDueOn(MILESTONE_CHAIN, target('fellow', ['due_today']), on(4), 2)).toBeUndefined();
  });
});

describe(dueSteps.name, () => {
  it('lists one step per recipient owed one, with the recipient', () => {
    const fellow = target('fellow', ['due_today', 'overdue_1d']);
    const mentor = target('mentor');
    const early = target('fellow', [], on(20));
    expect(dueSteps(MILESTONE_CHAIN, [fellow, mentor, early], on(7), CATCH_UP_DAYS)).toEqual([
      { target: fellow, step: expect.objectContaining({ step: 'overdue_7d', mandatory: true }) },
      { target: mentor, step: expect.objectContaining({ step: 'escalation', mandatory: true }) },
    ]);
  });
});

describe(upcomingSteps.name, () => {
  it('is each day of a daily run, across the whole chain, each step once', () => {
    const targets = [target('fellow'), target('staff')];
    const days = upcomingSteps(MILESTONE_CHAIN, targets, on(-10), 21, CATCH_UP_DAYS).map((u) => [
      daysBetween(DUE, u.day),
      u.target.name,
      u.step.step,
    ]);
    expect(days).toEqual([
      [-7, 'fellow', 'before_7d'],
      [-1, 'fellow', 'before_1d'],
      [0, 'fellow', 'due_today'],
      [1, 'fellow', 'overdue_1d'],
      [7, 'fellow', 'overdue_7d'],
      [7, 'staff', 'escalation'],
    ]);
  });

  it('starts from what is already done', () => {
    const upcoming = upcomingSteps(MILESTONE_CHAIN, [target('fellow', ['before_1d'])], on(-1), 2, CATCH_UP_DAYS);
    expect(upcoming.map((u) => [u.day, u.step.step])).toEqual([[DUE, 'due_today']]);
  });

  it('agrees with dueSteps run day by day', () => {
    const done: MilestoneStep[] = [];
    const fellow = target('fellow', done);
    const byDay: Array<[string, string]> = [];
    for (let i = -10; i <= 10; i++) {
      for (const d of dueSteps(MILESTONE_CHAIN, [fellow], on(i), CATCH_UP_DAYS)) {
        done.push(d.step.step);
        byDay.push([on(i), d.step.step]);
      }
    }
    const upcoming = upcomingSteps(MILESTONE_CHAIN, [target('fellow')], on(-10), 21, CATCH_UP_DAYS);
    expect(upcoming.map((u) => [u.day, u.step.step])).toEqual(byDay);
  });
});

describe(addDays.name, () => {
  it('crosses months and years, and refuses what is not a day', () => {
    expect(addDays('2027-12-28', 7)).toBe('2028-01-04');
    expect(daysBetween('2028-02-27', '2028-03-01')).toBe(3);
    expect(() => addDays('15/10/2027', 1)).toThrow(RangeError);
  });
});
