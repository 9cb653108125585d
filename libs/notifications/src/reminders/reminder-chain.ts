import type { TemplateName } from '@vgbf/mail';

/**
 * Declarative reminder chains: steps at a day offset from an item's due date, each for one or more
 * audiences, each with its email template. Pure: plain data in and out, calendar days as 'YYYY-MM-DD'
 * strings (no time zone here; the caller decides which day "today" is).
 */

export interface ChainStep<S extends string = string, A extends string = string> {
  step: S;
  /** Days from the due date: -7 is a week before, 0 the day itself, 1 the day after. */
  offsetDays: number;
  to: A | readonly A[];
  /** The libs/mail template of the step's email. */
  template: TemplateName;
  /** Mandatory steps reach people who turned optional emails off, and say why. */
  mandatory: boolean;
}

export type ReminderChain<S extends string = string, A extends string = string> = readonly ChainStep<S, A>[];

/** One recipient of one item's chain: its due date, who they are to it, and the steps they already got. */
export interface ChainTarget<S extends string = string, A extends string = string> {
  dueOn: string;
  audience: A;
  /** Steps already recorded for this recipient and this due date (sent, queued or skipped). */
  done: readonly S[];
}

export interface DueStep<T, S extends string, A extends string> {
  target: T;
  step: ChainStep<S, A>;
}

export interface UpcomingStep<T, S extends string, A extends string> extends DueStep<T, S, A> {
  day: string;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

function dayNumber(day: string): number {
  const m = DAY.exec(day);
  if (!m) throw new RangeError(`"${day}" is not a calendar day (YYYY-MM-DD)`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / MS_PER_DAY;
}

export function addDays(day: string, days: number): string {
  return new Date((dayNumber(day) + days) * MS_PER_DAY).toISOString().slice(0, 10);
}

/** b − a in days. */
export function daysBetween(a: string, b: string): number {
  return dayNumber(b) - dayNumber(a);
}

const audiencesOf = <A extends string>(step: ChainStep<string, A>): readonly A[] =>
  typeof step.to === 'string' ? [step.to] : step.to;

/**
 * The step this recipient is owed on `day`, if any. Only the LATEST step whose date has come is ever
 * sent, and only up to `catchUpDays` after its date: a job that did not run sends the missed step
 * late once, never a backlog of older ones (which would arrive together and contradict each other).
 * Steps are keyed by due date, so a moved due date starts the chain afresh on the new dates.
 */
export function stepDueOn<S extends string, A extends string>(
  chain: ReminderChain<S, A>,
  target: ChainTarget<S, A>,
  day: string,
  catchUpDays: number,
): ChainStep<S, A> | undefined {
  const late = daysBetween(target.dueOn, day);
  let latest: ChainStep<S, A> | undefined;
  for (const step of chain) {
    if (!audiencesOf(step).includes(target.audience) || step.offsetDays > late) continue;
    if (!latest || step.offsetDays >= latest.offsetDays) latest = step;
  }
  if (!latest || late - latest.offsetDays > catchUpDays || target.done.includes(latest.step)) return undefined;
  return latest;
}

/** Every step owed on `day` to these recipients (at most one each). */
export function dueSteps<T extends ChainTarget<S, A>, S extends string, A extends string>(
  chain: ReminderChain<S, A>,
  targets: readonly T[],
  day: string,
  catchUpDays: number,
): Array<DueStep<T, S, A>> {
  const due: Array<DueStep<T, S, A>> = [];
  for (const target of targets) {
    const step = stepDueOn(chain, target, day, catchUpDays);
    if (step) due.push({ target, step });
  }
  return due;
}

/**
 * What a daily run would send on each of `days` days from `from` (inclusive), if nothing else
 * changes: `dueSteps` day by day, each day's sends counted as done for the next.
 */
export function upcomingSteps<T extends ChainTarget<S, A>, S extends string, A extends string>(
  chain: ReminderChain<S, A>,
  targets: readonly T[],
  from: string,
  days: number,
  catchUpDays: number,
): Array<UpcomingStep<T, S, A>> {
  const done = new Map<T, S[]>(targets.map((t) => [t, [...t.done]]));
  const upcoming: Array<UpcomingStep<T, S, A>> = [];
  for (let i = 0; i < days; i++) {
    const day = addDays(from, i);
    for (const target of targets) {
      const sent = done.get(target) ?? [];
      const step = stepDueOn(chain, { dueOn: target.dueOn, audience: target.audience, done: sent }, day, catchUpDays);
      if (!step) continue;
      sent.push(step.step);
      upcoming.push({ day, target, step });
    }
  }
  return upcoming;
}

/**
 * The due dates whose chain may owe a step (to `audience`, or anyone) on a day from `from` to `to`,
 * catch-up included: what a family's reader selects.
 */
export function dueWindow<A extends string>(
  chain: ReminderChain<string, A>,
  catchUpDays: number,
  range: { from: string; to: string },
  audience?: A,
): [string, string] | null {
  const offsets = chain.filter((s) => !audience || audiencesOf(s).includes(audience)).map((s) => s.offsetDays);
  if (!offsets.length) return null;
  return [addDays(range.from, -(Math.max(...offsets) + catchUpDays)), addDays(range.to, -Math.min(...offsets))];
}
