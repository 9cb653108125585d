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
 * THE derived status of a milestone is one SQL function milestones own, `milestone_status(state,
 * due_on, today)` (migration MilestoneStatusFunction; IMMUTABLE, so PostgreSQL inlines it): every read
 * (timelines, review queue, reminders here through `statusOn` in data-access/sql-parts.ts, and the
 * reports through the function itself) uses it, so "overdue" means the same everywhere and is never
 * stored. `today` is `programDay(clock.now())` (@vgbf/core). A milestone still owed (open, or sent back
 * with changes requested) is overdue the day after its due date; an open one is due soon from 7 days
 * (DUE_SOON_DAYS, written into the function) before it to that day.
 */

/** The same rule in TypeScript, for one milestone in hand (unit tests, emails); the SQL is authoritative. */
export function milestoneStatus(state: MilestoneState, dueOn: string, today: string): MilestoneStatus {
  const owed = state === 'open' || state === 'changes_requested';
  if (owed && dueOn < today) return 'overdue';
  if (state !== 'open') return state;
  const soon = new Date(Date.parse(`${today}T00:00:00Z`) + DUE_SOON_DAYS * 86_400_000).toISOString().slice(0, 10);
  return dueOn <= soon ? 'due_soon' : 'upcoming';
}
