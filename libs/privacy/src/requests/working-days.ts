/**
 * Vietnamese working days for the legal deadlines of people's requests (Decree 356/2025): Monday to
 * Friday, minus the public holidays of config/holidays.json, plus the weekend days the government made
 * working days. Pure: calendar days as 'YYYY-MM-DD' (Vietnam's day, from programDay), no clock here.
 */

export interface WorkingCalendar {
  /** Years the holiday list covers; outside them only weekends are days off. */
  years: readonly number[];
  holidays: ReadonlySet<string>;
  workingWeekendDays: ReadonlySet<string>;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

function dayNumber(day: string): number {
  const m = DAY.exec(day);
  if (!m) throw new RangeError(`"${day}" is not a calendar day (YYYY-MM-DD)`);
  const n = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / MS_PER_DAY;
  if (new Date(n * MS_PER_DAY).toISOString().slice(0, 10) !== day)
    throw new RangeError(`"${day}" is not a calendar day`);
  return n;
}

function isCalendarDay(value: unknown): value is string {
  try {
    return typeof value === 'string' && dayNumber(value) >= 0;
  } catch {
    return false;
  }
}

const dayOf = (n: number): string => new Date(n * MS_PER_DAY).toISOString().slice(0, 10);

export function isWorkingDay(day: string, calendar: WorkingCalendar): boolean {
  if (calendar.workingWeekendDays.has(day)) return true;
  const weekday = new Date(dayNumber(day) * MS_PER_DAY).getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  return !calendar.holidays.has(day);
}

/**
 * The `n`-th working day after `day` (the day itself never counts: a request received on a Friday
 * evening or a holiday starts counting on the next working day). n = 0 gives `day`.
 */
export function addWorkingDays(day: string, n: number, calendar: WorkingCalendar): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days must be a whole number ≥ 0, not ${n}`);
  let current = dayNumber(day);
  let left = n;
  while (left > 0) {
    current += 1;
    if (isWorkingDay(dayOf(current), calendar)) left -= 1;
  }
  return dayOf(current);
}

/**
 * Working days d with from < d ≤ to (negative when `to` is before `from`): how many working days are
 * left until a deadline, or how many it is overdue.
 */
export function workingDaysBetween(from: string, to: string, calendar: WorkingCalendar): number {
  const a = dayNumber(from);
  const b = dayNumber(to);
  const [lo, hi, sign] = a <= b ? [a, b, 1] : [b, a, -1];
  let count = 0;
  for (let d = lo + 1; d <= hi; d++) if (isWorkingDay(dayOf(d), calendar)) count += 1;
  return count === 0 ? 0 : sign * count;
}

interface HolidayFile {
  years?: unknown;
  holidays?: unknown;
  workingWeekendDays?: unknown;
}

/** config/holidays.json checked whole; throws naming every problem, so a bad file stops the start. */
export function workingCalendar(file: unknown): WorkingCalendar {
  const f = (file ?? {}) as HolidayFile;
  const problems: string[] = [];
  const years = Array.isArray(f.years) ? f.years.filter((y): y is number => Number.isInteger(y)) : [];
  if (!years.length) problems.push('years must list the years the holidays cover');
  const days = (list: unknown, what: string): string[] => {
    if (!Array.isArray(list)) {
      problems.push(`${what} must be a list`);
      return [];
    }
    return (list as unknown[]).map((item, i) => {
      const entry = item as string | { date?: unknown; name?: { vi?: unknown; en?: unknown } } | null;
      const date = typeof entry === 'string' ? entry : entry?.date;
      if (!isCalendarDay(date)) problems.push(`${what}[${i}] has no date YYYY-MM-DD`);
      else if (!years.includes(Number(date.slice(0, 4)))) problems.push(`${what}[${i}] ${date} is outside the years`);
      else if (
        typeof entry !== 'string' &&
        (typeof entry?.name?.vi !== 'string' || typeof entry?.name?.en !== 'string')
      )
        problems.push(`${what}[${i}] needs a name in vi and en`);
      return String(date);
    });
  };
  const holidays = days(f.holidays, 'holidays');
  const working = days(f.workingWeekendDays ?? [], 'workingWeekendDays');
  if (problems.length) throw new Error(`config/holidays.json is invalid:\n  - ${problems.join('\n  - ')}`);
  return { years, holidays: new Set(holidays), workingWeekendDays: new Set(working) };
}
