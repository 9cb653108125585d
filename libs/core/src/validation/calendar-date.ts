import { ValidateBy, type ValidationOptions } from 'class-validator';
import { type FieldCode, declareFieldCodes } from './field-codes';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A real calendar day written YYYY-MM-DD, or null: "1990-13-01", "2027-02-30" and "0000-00-00"
 * are not days (the string must read back the same once parsed, nothing rolls over). Pure.
 */
export function parseCalendarDate(value: unknown): Date | null {
  if (typeof value !== 'string') return null;
  const m = DATE.exec(value);
  if (!m) return null;
  const [year, month, day] = m.slice(1).map(Number) as [number, number, number];
  if (year < 1 || month < 1 || month > 12 || day < 1) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  date.setUTCFullYear(year); // Date.UTC maps years 0–99 to 1900–1999
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? date : null;
}

/** The UTC day of an instant as YYYY-MM-DD. */
export const isoDay = (instant: Date): string => instant.toISOString().slice(0, 10);

/** Adds whole years to a YYYY-MM-DD day (29 February lands on 28 February). */
export function addYears(day: string, years: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const target = y + years;
  const last = new Date(Date.UTC(target, m, 0)).getUTCDate();
  return `${String(target).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** A bound of a date range: a fixed day, or one computed from today's UTC day when the value is checked. */
export type DayBound = string | ((today: string) => string);

export interface DateRange {
  min?: DayBound;
  max?: DayBound;
}

const boundOf = (bound: DayBound | undefined, today: string): string | undefined =>
  typeof bound === 'function' ? bound(today) : bound;

/**
 * Why a value is not a day within the range (a sentence naming `field`), or null when it is.
 * `today` is the UTC day the relative bounds count from. Pure.
 */
export function calendarDateProblem(field: string, value: unknown, range: DateRange, today: string): string | null {
  if (!parseCalendarDate(value)) return `${field} must be a real date written YYYY-MM-DD, like 1992-05-17`;
  const day = value as string;
  const min = boundOf(range.min, today);
  const max = boundOf(range.max, today);
  if (min && max && (day < min || day > max)) return `${field} must be between ${min} and ${max}`;
  if (min && day < min) return `${field} must be on or after ${min}`;
  if (max && day > max) return `${field} must be on or before ${max}`;
  return null;
}

/** The code and params of calendarDateProblem's answer (null when the value is a day in range). Pure. */
export function calendarDateIssue(value: unknown, range: DateRange, today: string): FieldCode | null {
  if (!parseCalendarDate(value)) return { code: 'validation.calendar_date', params: {} };
  const day = value as string;
  const min = boundOf(range.min, today);
  const max = boundOf(range.max, today);
  if (min && max && (day < min || day > max)) return { code: 'validation.date_between', params: { min, max } };
  if (min && day < min) return { code: 'validation.date_on_or_after', params: { min } };
  if (max && day > max) return { code: 'validation.date_on_or_before', params: { max } };
  return null;
}

const RANGE_CODES = ['validation.date_between', 'validation.date_on_or_after', 'validation.date_on_or_before'];
const rangeOf = (constraints: unknown[]): DateRange => constraints[0] ?? {};

declareFieldCodes('isCalendarDate', {
  codes: ['validation.calendar_date', ...RANGE_CODES],
  resolve: (value, constraints) =>
    calendarDateIssue(value, rangeOf(constraints), isoDay(new Date())) ?? { code: 'validation.calendar_date' },
});

declareFieldCodes('isLocalDateTime', {
  codes: ['validation.local_date_time', ...RANGE_CODES],
  resolve: (value, constraints) => {
    const m = typeof value === 'string' ? LOCAL_DATETIME.exec(value) : null;
    const issue = m ? calendarDateIssue(m[1], rangeOf(constraints), isoDay(new Date())) : null;
    return issue && issue.code !== 'validation.calendar_date' ? issue : { code: 'validation.local_date_time' };
  },
});

/** class-validator: a real YYYY-MM-DD day within the range (relative bounds count from today, UTC). */
export function IsCalendarDate(range: DateRange = {}, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isCalendarDate',
      constraints: [range],
      validator: {
        validate: (value: unknown, args) =>
          calendarDateProblem(args?.property ?? 'date', value, range, isoDay(new Date())) === null,
        defaultMessage: (args) =>
          calendarDateProblem(args?.property ?? 'date', args?.value, range, isoDay(new Date())) ??
          `${args?.property} must be a real date`,
      },
    },
    options,
  );
}

const LOCAL_DATETIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})$/;

/**
 * Why a value is not a wall-clock date and time "YYYY-MM-DDTHH:mm" on a real day within the range
 * (a sentence naming `field`), or null when it is one. Pure.
 */
export function localDateTimeProblem(field: string, value: unknown, range: DateRange, today: string): string | null {
  const m = typeof value === 'string' ? LOCAL_DATETIME.exec(value) : null;
  if (!m || !parseCalendarDate(m[1]) || Number(m[2]) > 23 || Number(m[3]) > 59) {
    return `${field} must be a real date and time written like 2027-03-31T23:59`;
  }
  return calendarDateProblem(field, m[1], range, today);
}

/** class-validator: "YYYY-MM-DDTHH:mm" on a real day within the range (e.g. a window in Vietnam time). */
export function IsLocalDateTime(range: DateRange = {}, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isLocalDateTime',
      constraints: [range],
      validator: {
        validate: (value: unknown, args) =>
          localDateTimeProblem(args?.property ?? 'date', value, range, isoDay(new Date())) === null,
        defaultMessage: (args) =>
          localDateTimeProblem(args?.property ?? 'date', args?.value, range, isoDay(new Date())) ??
          `${args?.property} must be a real date and time`,
      },
    },
    options,
  );
}
