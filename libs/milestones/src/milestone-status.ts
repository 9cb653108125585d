import type { MilestoneState } from './entities/milestone.entity';

/** What people see of a milestone: its stored state, or for an open one where today stands to its due date. */
export const MILESTONE_STATUSES = [
  'upcoming',
  'due_soon',
  'submitted',
  'changes_requested',
  'approved',
  'overdue',
  'waived',
] as const;
export type MilestoneStatus = (typeof MILESTONE_STATUSES)[number];

/** An open milestone is due soon from this many days before its due date (the due day included). */
export const DUE_SOON_DAYS = 7;

/**
 * THE derived status of a milestone, as one SQL expression: every read (timelines, review queue,
 * reports, reminders) uses it, so "overdue" means the same everywhere and is never stored. The rule is
 * the SQL function `milestone_status(state, due_on, today)` that milestones define (migration
 * MilestoneStatusFunction; other modules call the function, never this fragment); PostgreSQL inlines it.
 * `alias` is the milestones table's alias; `today` a SQL date expression, normally a bound
 * parameter holding `programDay(clock.now())` (@vgbf/core), e.g. `milestoneStatusSql('m', '$2::date')`.
 * A milestone still owed (open, or sent back with changes requested) is overdue the day after its due
 * date; an open one is due soon from 7 days (DUE_SOON_DAYS) before it to that day.
 */
export function milestoneStatusSql(alias: string, today: string): string {
  return `milestone_status(${alias}.state, ${alias}.due_on, ${today})`;
}

/** The same rule in TypeScript, for one milestone in hand (unit tests, emails); the SQL is authoritative. */
export function milestoneStatus(state: MilestoneState, dueOn: string, today: string): MilestoneStatus {
  const owed = state === 'open' || state === 'changes_requested';
  if (owed && dueOn < today) return 'overdue';
  if (state !== 'open') return state;
  const soon = new Date(Date.parse(`${today}T00:00:00Z`) + DUE_SOON_DAYS * 86_400_000).toISOString().slice(0, 10);
  return dueOn <= soon ? 'due_soon' : 'upcoming';
}
