import type { ReminderChain } from './reminder-chain';

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
  { step: 'before_7d', offsetDays: -7, to: 'fellow', mandatory: false },
  { step: 'before_1d', offsetDays: -1, to: 'fellow', mandatory: false },
  { step: 'due_today', offsetDays: 0, to: 'fellow', mandatory: false },
  { step: 'overdue_1d', offsetDays: 1, to: 'fellow', mandatory: true },
  { step: 'overdue_7d', offsetDays: 7, to: 'fellow', mandatory: true },
  { step: 'escalation', offsetDays: 7, to: ['mentor', 'staff'], mandatory: true },
] as const satisfies ReminderChain<MilestoneStep, MilestoneAudience>;

/** A step missed because the job did not run is still sent this many days late, then dropped. */
export const CATCH_UP_DAYS = 2;

/** Milestones in these states get reminders; submitted, approved and waived ones stop their chain. */
export const REMINDABLE_STATES = ['open', 'changes_requested'] as const;

/** The email of each step (libs/mail templates). */
export const STEP_TEMPLATES: Record<MilestoneStep, string> = {
  before_7d: 'milestone-due-soon',
  before_1d: 'milestone-due-soon',
  due_today: 'milestone-due-today',
  overdue_1d: 'milestone-overdue',
  overdue_7d: 'milestone-overdue',
  escalation: 'milestone-escalation',
};

/** What milestone_reminders.delivery records: emailed now, queued for the digest, or not sent (unsubscribed). */
export type ReminderDelivery = 'sent' | 'digest' | 'skipped';
