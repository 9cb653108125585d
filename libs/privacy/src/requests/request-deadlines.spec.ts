import { readProgramData } from '@vgbf/config';
import { RequestDeadlines, requestDeadlineRules } from './request-deadlines';
import { workingCalendar } from './working-days';

const deadlines = new RequestDeadlines(
  requestDeadlineRules(readProgramData('data-requests.json')),
  workingCalendar(readProgramData('holidays.json')),
);

describe(RequestDeadlines.name, () => {
  it('acknowledges within 2 working days, across Tết 2026', () => {
    expect(deadlines.acknowledgeBy('2026-02-13')).toBe('2026-02-24');
  });

  it('completes a withdrawal, restriction or objection in 15 working days, 20 when a processor must act', () => {
    // Monday 2 March 2026: no holiday in the next four weeks.
    for (const kind of ['withdrawal', 'restriction', 'objection'] as const) {
      expect(deadlines.completeBy(kind, '2026-03-02', false)).toBe('2026-03-23');
      expect(deadlines.completeBy(kind, '2026-03-02', true)).toBe('2026-03-30');
    }
  });

  it('extends once by up to 15 working days from the current deadline', () => {
    expect(deadlines.extendedBy('2026-03-23', 15)).toBe('2026-04-13');
    expect(() => deadlines.extendedBy('2026-03-23', 16)).toThrow(RangeError);
    expect(() => deadlines.extendedBy('2026-03-23', 0)).toThrow(RangeError);
  });

  it('says due soon within 3 working days and overdue after the day', () => {
    expect(deadlines.urgency('2026-03-16', '2026-03-23')).toBe('on_track');
    expect(deadlines.urgency('2026-03-18', '2026-03-23')).toBe('due_soon');
    // Friday 20 March: Monday is 1 working day away.
    expect(deadlines.urgency('2026-03-20', '2026-03-23')).toBe('due_soon');
    expect(deadlines.urgency('2026-03-23', '2026-03-23')).toBe('due_soon');
    expect(deadlines.urgency('2026-03-24', '2026-03-23')).toBe('overdue');
  });

  it('refuses rules without every kind', () => {
    expect(() =>
      requestDeadlineRules({ acknowledgeWorkingDays: 2, maxExtensionWorkingDays: 15, dueSoonWorkingDays: 3 }),
    ).toThrow(/completeWorkingDays.access/);
  });
});
