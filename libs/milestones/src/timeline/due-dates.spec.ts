import { addDays, addMonths, baseDueOn, daysBetween, midpoint } from './due-dates';

describe('due dates', () => {
  const year = { startDate: '2027-09-01', endDate: '2028-08-31' };

  it.each([
    ['2027-09-01', 1, '2027-10-01'],
    ['2028-01-31', 1, '2028-02-29'], // leap year: clamped to the month's last day
    ['2027-01-31', 1, '2027-02-28'],
    ['2028-03-31', -1, '2028-02-29'],
    ['2028-08-31', -2, '2028-06-30'],
    ['2027-11-15', 3, '2028-02-15'], // across the year
    ['2028-02-15', -3, '2027-11-15'],
    ['2027-09-30', 12, '2028-09-30'],
  ])('%s + %i months = %s', (day, months, expected) => {
    expect(addMonths(day, months)).toBe(expected);
  });

  it('adds and counts calendar days across months and years', () => {
    expect(addDays('2027-12-25', 14)).toBe('2028-01-08');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(daysBetween('2027-09-01', '2028-08-31')).toBe(365);
    expect(daysBetween('2028-08-31', '2027-09-01')).toBe(-365);
  });

  it('puts the midpoint at start + ⌊(end − start) / 2⌋ days', () => {
    expect(midpoint(year)).toBe('2028-03-01'); // 365 days → 182
    expect(midpoint({ startDate: '2027-01-01', endDate: '2027-01-04' })).toBe('2027-01-02');
  });

  it('computes the default 12-month timeline', () => {
    const due = (anchor: 'start' | 'mid' | 'end', offsetMonths: number, offsetDays: number): string =>
      baseDueOn({ anchor, offsetMonths, offsetDays }, year);
    expect(due('start', 0, 14)).toBe('2027-09-15');
    expect(due('start', 1, 0)).toBe('2027-10-01');
    expect(due('start', 3, 0)).toBe('2027-12-01');
    expect(due('mid', 0, 0)).toBe('2028-03-01');
    expect(due('end', -2, 0)).toBe('2028-06-30');
    expect(due('end', -1, 0)).toBe('2028-07-31');
    expect(due('end', 0, -14)).toBe('2028-08-17');
  });

  it('applies months before days, and clamps at the month end', () => {
    // 2028-01-31 + 1 month = 2028-02-29, then + 1 day = 2028-03-01
    expect(baseDueOn({ anchor: 'start', offsetMonths: 1, offsetDays: 1 }, { ...year, startDate: '2028-01-31' })).toBe(
      '2028-03-01',
    );
  });

  it('refuses what is not a calendar day', () => {
    expect(() => addDays('01/09/2027', 1)).toThrow(/calendar day/);
  });
});
