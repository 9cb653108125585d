import { type WorkingCalendar, addWorkingDays, workingDaysBetween } from './working-days';

/** What a person may ask of the controller (Law 91/2025/QH15). */
export const REQUEST_KINDS = ['access', 'correction', 'deletion', 'withdrawal', 'restriction', 'objection'] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];

export interface RequestDeadlineRules {
  acknowledgeWorkingDays: number;
  completeWorkingDays: Record<RequestKind, { own: number; withProcessor: number }>;
  maxExtensionWorkingDays: number;
  dueSoonWorkingDays: number;
}

const whole = (v: unknown): v is number => Number.isInteger(v) && (v as number) > 0 && (v as number) <= 60;

/** config/data-requests.json checked whole; throws naming every problem. */
export function requestDeadlineRules(file: unknown): RequestDeadlineRules {
  const f = (file ?? {}) as Record<string, unknown>;
  const problems: string[] = [];
  for (const key of ['acknowledgeWorkingDays', 'maxExtensionWorkingDays', 'dueSoonWorkingDays'])
    if (!whole(f[key])) problems.push(`${key} must be a whole number of working days (1–60)`);
  const complete = (f.completeWorkingDays ?? {}) as Record<string, { own?: unknown; withProcessor?: unknown }>;
  for (const kind of REQUEST_KINDS) {
    const c = complete[kind];
    if (!c || !whole(c.own) || !whole(c.withProcessor))
      problems.push(`completeWorkingDays.${kind} needs own and withProcessor working days (1–60)`);
    else if (c.withProcessor < c.own) problems.push(`completeWorkingDays.${kind}: withProcessor is shorter than own`);
  }
  if (problems.length) throw new Error(`config/data-requests.json is invalid:\n  - ${problems.join('\n  - ')}`);
  return f as unknown as RequestDeadlineRules;
}

export type Urgency = 'on_track' | 'due_soon' | 'overdue';

/** The deadlines of one request, from the rules and the one working-day calendar. */
export class RequestDeadlines {
  constructor(
    readonly rules: RequestDeadlineRules,
    readonly calendar: WorkingCalendar,
  ) {}

  /** The day by which the request must be acknowledged (2 working days after it was received). */
  acknowledgeBy(receivedOn: string): string {
    return addWorkingDays(receivedOn, this.rules.acknowledgeWorkingDays, this.calendar);
  }

  /** The day by which it must be completed (the kind's working days; longer when a processor must act). */
  completeBy(kind: RequestKind, receivedOn: string, processorMustAct: boolean): string {
    const days = this.rules.completeWorkingDays[kind];
    return addWorkingDays(receivedOn, processorMustAct ? days.withProcessor : days.own, this.calendar);
  }

  /** The deadline moved by the one extension (working days counted from the current deadline). */
  extendedBy(dueOn: string, days: number): string {
    if (days < 1 || days > this.rules.maxExtensionWorkingDays)
      throw new RangeError(`an extension is 1–${this.rules.maxExtensionWorkingDays} working days`);
    return addWorkingDays(dueOn, days, this.calendar);
  }

  /** Working days left until `dueOn` seen from `today` (negative: overdue by that many). */
  workingDaysLeft(today: string, dueOn: string): number {
    return workingDaysBetween(today, dueOn, this.calendar);
  }

  urgency(today: string, dueOn: string): Urgency {
    if (today > dueOn) return 'overdue';
    return this.workingDaysLeft(today, dueOn) <= this.rules.dueSoonWorkingDays ? 'due_soon' : 'on_track';
  }
}
