import { readProgramData } from '@vgbf/config';
import fc from 'fast-check';
import {
  type WorkingCalendar,
  addWorkingDays,
  isWorkingDay,
  workingCalendar,
  workingDaysBetween,
} from './working-days';

const calendar = workingCalendar(readProgramData('holidays.json'));
const day = (n: number): string => new Date(Date.UTC(2025, 11, 1) + n * 86_400_000).toISOString().slice(0, 10);
/** Any day from December 2025 to February 2028 (the configured years and a margin either side). */
const anyDay = fc.integer({ min: 0, max: 820 }).map(day);
const weekday = (d: string): number => new Date(`${d}T00:00:00Z`).getUTCDay();

describe('working days', () => {
  describe(addWorkingDays.name, () => {
    it.each([
      // Received on Friday 13 February 2026, the last working day before Tết (16–20 February off).
      ['2026-02-13', 2, '2026-02-24'],
      ['2026-02-13', 1, '2026-02-23'],
      // A Friday: the weekend does not count.
      ['2026-03-06', 2, '2026-03-10'],
      // Thursday 23 April 2026: Friday 24, then Mon 27 (Hùng Kings, compensatory) is off → Tue 28.
      ['2026-04-23', 2, '2026-04-28'],
      // Wednesday 29 April 2026: 30/4 and 1/5 off, weekend → Mon 4, Tue 5 May.
      ['2026-04-29', 2, '2026-05-05'],
      // National Day 2026: Tue 1 and Wed 2 September off.
      ['2026-08-31', 1, '2026-09-03'],
      // 15 working days from Friday 30 January 2026 across Tết: February has 15 weekdays until the 20th,
      // 5 of them Tết, so 2, 3, 4, 5, 6, 9, 10, 11, 12, 13, 23, 24, 25, 26, 27 February.
      ['2026-01-30', 15, '2026-02-27'],
      // Across New Year 2027 (Friday 1 January off).
      ['2026-12-30', 2, '2027-01-04'],
      // Across Tết 2027 (5, 8–11 February off).
      ['2027-02-04', 2, '2027-02-15'],
      // On a holiday: counting starts on the next working day.
      ['2026-02-17', 2, '2026-02-24'],
      ['2026-03-06', 0, '2026-03-06'],
    ])('%s + %i working days = %s', (from, n, expected) => {
      expect(addWorkingDays(from, n, calendar)).toBe(expected);
    });

    it('refuses a negative or fractional count and an impossible day', () => {
      expect(() => addWorkingDays('2026-03-06', -1, calendar)).toThrow(RangeError);
      expect(() => addWorkingDays('2026-03-06', 1.5, calendar)).toThrow(RangeError);
      expect(() => addWorkingDays('2026-02-30', 1, calendar)).toThrow(RangeError);
    });

    it('lands on a working day, after the start, never a weekend or holiday', () => {
      fc.assert(
        fc.property(anyDay, fc.integer({ min: 1, max: 40 }), (from, n) => {
          const due = addWorkingDays(from, n, calendar);
          expect(due > from).toBe(true);
          expect(isWorkingDay(due, calendar)).toBe(true);
          expect([0, 6]).not.toContain(weekday(due));
          expect(calendar.holidays.has(due)).toBe(false);
        }),
      );
    });

    it('counts exactly n working days (the inverse of workingDaysBetween)', () => {
      fc.assert(
        fc.property(anyDay, fc.integer({ min: 0, max: 40 }), (from, n) => {
          expect(workingDaysBetween(from, addWorkingDays(from, n, calendar), calendar)).toBe(n);
        }),
      );
    });

    it('is additive and strictly increasing in n', () => {
      fc.assert(
        fc.property(anyDay, fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 20 }), (from, m, n) => {
          expect(addWorkingDays(addWorkingDays(from, m, calendar), n, calendar)).toBe(
            addWorkingDays(from, m + n, calendar),
          );
          expect(addWorkingDays(from, m + 1, calendar) > addWorkingDays(from, m, calendar)).toBe(true);
        }),
      );
    });

    it('takes at least n calendar days, and at most the weekends and holidays more', () => {
      fc.assert(
        fc.property(anyDay, fc.integer({ min: 1, max: 40 }), (from, n) => {
          const due = addWorkingDays(from, n, calendar);
          const span = (Date.parse(due) - Date.parse(from)) / 86_400_000;
          let offDays = 0;
          for (let i = 1; i <= span; i++)
            if (!isWorkingDay(day((Date.parse(from) - Date.UTC(2025, 11, 1)) / 86_400_000 + i), calendar)) offDays++;
          expect(span).toBe(n + offDays);
        }),
      );
    });

    it('a working weekend day counts and a holiday does not (configuration decides)', () => {
      const swapped: WorkingCalendar = {
        years: [2026],
        holidays: new Set(['2026-03-09']),
        workingWeekendDays: new Set(['2026-03-07']),
      };
      // Friday 6 March: Saturday 7 works, Monday 9 is off → Tuesday 10.
      expect(addWorkingDays('2026-03-06', 2, swapped)).toBe('2026-03-10');
    });
  });

  describe(workingDaysBetween.name, () => {
    it('is antisymmetric and zero on the same day', () => {
      fc.assert(
        fc.property(anyDay, anyDay, (a, b) => {
          expect(workingDaysBetween(a, b, calendar) + workingDaysBetween(b, a, calendar)).toBe(0);
          expect(workingDaysBetween(a, a, calendar)).toBe(0);
        }),
      );
    });
  });

  describe(workingCalendar.name, () => {
    it('reads config/holidays.json: every holiday a weekday, each year with its fixed holidays', () => {
      for (const d of calendar.holidays) expect([0, 6]).not.toContain(weekday(d));
      for (const year of calendar.years) {
        expect(calendar.holidays.has(`${year}-01-01`)).toBe(true);
        expect(calendar.holidays.has(`${year}-04-30`)).toBe(true);
        expect(calendar.holidays.has(`${year}-09-02`)).toBe(true);
      }
      // 1 May 2027 is a Saturday: its compensatory Monday.
      expect(calendar.holidays.has('2027-05-03')).toBe(true);
    });

    it('refuses a file with a bad date, a day outside its years or a holiday without names', () => {
      expect(() =>
        workingCalendar({ years: [2026], holidays: [{ date: '2026-13-01', name: { vi: 'x', en: 'x' } }] }),
      ).toThrow(/holidays\[0\] has no date/);
      expect(() =>
        workingCalendar({ years: [2026], holidays: [{ date: '2025-01-01', name: { vi: 'x', en: 'x' } }] }),
      ).toThrow(/outside the years/);
      expect(() => workingCalendar({ years: [2026], holidays: [{ date: '2026-01-01' }] })).toThrow(/name in vi and en/);
      expect(() => workingCalendar({ holidays: [] })).toThrow(/years/);
    });
  });
});
