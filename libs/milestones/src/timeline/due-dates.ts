import type { DueAnchor } from '../entities/milestone-template.entity';

/** A fellow's programme year: calendar days in Vietnam, both ends included. */
export interface FellowYear {
  startDate: string;
  endDate: string;
}

/** When a milestone is due, relative to the year: the template's anchor and signed offsets. */
export interface DueRule {
  anchor: DueAnchor;
  offsetMonths: number;
  offsetDays: number;
}

const DAY_MS = 86_400_000;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function parts(day: string): [number, number, number] {
  const m = DAY.exec(day);
  if (!m) throw new Error(`Not a calendar day: ${JSON.stringify(day)}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

const format = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
const daysInMonth = (year: number, month1: number): number => new Date(Date.UTC(year, month1, 0)).getUTCDate();

/** The day `days` calendar days later (earlier when negative). */
export function addDays(day: string, days: number): string {
  const [y, m, d] = parts(day);
  return format(Date.UTC(y, m - 1, d) + days * DAY_MS);
}

/**
 * The same day of the month `months` calendar months later (earlier when negative), clamped to the
 * month's last day: 2028-01-31 + 1 month = 2028-02-29, 2028-03-31 − 1 month = 2028-02-29.
 */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = parts(day);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month1 = index - year * 12 + 1;
  return format(Date.UTC(year, month1 - 1, Math.min(d, daysInMonth(year, month1))));
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  const [y1, m1, d1] = parts(from);
  const [y2, m2, d2] = parts(to);
  return Math.round((Date.UTC(y2, m2 - 1, d2) - Date.UTC(y1, m1 - 1, d1)) / DAY_MS);
}

/** The middle of the year: start + ⌊(end − start) / 2⌋ days. */
export function midpoint(year: FellowYear): string {
  return addDays(year.startDate, Math.floor(daysBetween(year.startDate, year.endDate) / 2));
}

/**
 * A milestone's due date before any extension: the anchor day (start, midpoint or end of the
 * fellow's year), then the calendar months (clamped to the month's end), then the days. End-anchored
 * rules carry negative offsets and so count back from the fellow's end date.
 */
export function baseDueOn(rule: DueRule, year: FellowYear): string {
  const anchor = rule.anchor === 'start' ? year.startDate : rule.anchor === 'end' ? year.endDate : midpoint(year);
  return addDays(addMonths(anchor, rule.offsetMonths), rule.offsetDays);
}
