import type { Database } from '@vgbf/database';
import { type Expression, type ExpressionBuilder, type RawBuilder, sql } from 'kysely';
import type { MilestoneStatus } from '../milestone-status';

/** A date column as YYYY-MM-DD (the column is a typed reference, so renaming it fails the build). */
export const day = (column: Expression<Date | null>): RawBuilder<string> =>
  sql<string>`to_char(${column}, 'YYYY-MM-DD')`;

/**
 * The derived status of a milestone from its state and due date on `today` (a YYYY-MM-DD day in
 * Vietnam, `programDay(clock.now())`): the call of milestones' SQL function milestone_status (see
 * milestone-status.ts) over typed references.
 */
export function statusOn(
  state: Expression<string>,
  dueOn: Expression<Date>,
  today: string,
): RawBuilder<MilestoneStatus> {
  return sql<MilestoneStatus>`milestone_status(${state}, ${dueOn}, ${today}::date)`;
}

/** A query with the fellow as `f` (fellows' fellows_v). */
export type WithFellow = ExpressionBuilder<Database & { f: Database['fellows_v'] }, 'f'>;

/** The fellow's mentor in an active pairing (mentoring's active_pairings_v, one per fellow by index), or null. */
export const activeMentor = (eb: WithFellow) =>
  eb.selectFrom('active_pairings_v as p').select('p.mentor_id').whereRef('p.fellow_id', '=', 'f.id');
