import type { ReminderChain } from '@vgbf/notifications';

export const MILESTONE_AUDIENCES = ['fellow', 'mentor', 'staff'] as const;
export type MilestoneAudience = (typeof MILESTONE_AUDIENCES)[number];

export const MILESTONE_STEPS = [
  'before_7d',
  'before_1d',
  'due_today',
  'overdue_1d',
  'overdue_7d',
  'escalation',
] as const;
export type MilestoneStep = (typeof MILESTONE_STEPS)[number];

/**
 * A milestone's reminders. Before and on the due day they are help the fellow may turn off (optional);
 * once it is overdue the notices are part of the programme's rules and cannot be (mandatory), and a
 * week late the fellow's mentor and the programme staff are told.
 */
export const MILESTONE_CHAIN = [
  { step: 'before_7d', offsetDays: -7, to: 'fellow', template: 'milestone-due-soon', mandatory: false },
  { step: 'before_1d', offsetDays: -1, to: 'fellow', template: 'milestone-due-soon', mandatory: false },
  { step: 'due_today', offsetDays: 0, to: 'fellow', template: 'milestone-due-today', mandatory: false },
  { step: 'overdue_1d', offsetDays: 1, to: 'fellow', template: 'milestone-overdue', mandatory: true },
  { step: 'overdue_7d', offsetDays: 7, to: 'fellow', template: 'milestone-overdue', mandatory: true },
  { step: 'escalation', offsetDays: 7, to: ['mentor', 'staff'], template: 'milestone-escalation', mandatory: true },
] as const satisfies ReminderChain<MilestoneStep, MilestoneAudience>;

/** The family's name in the reminder log (never change it: it keys the log). */
export const MILESTONE_FAMILY = 'milestones';

/** A step missed because the job did not run is still sent this many days late, then dropped. */
export const CATCH_UP_DAYS = 2;

/** Milestones in these states get reminders; submitted, approved and waived ones stop their chain. */
export const REMINDABLE_STATES = ['open', 'changes_requested'] as const;
