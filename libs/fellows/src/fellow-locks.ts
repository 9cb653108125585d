import { lockInOrder } from '@vgbf/database';
import type { EntityManager } from 'typeorm';
import { lockActiveFellowRows } from './data-access/fellows';

/**
 * Row locks on fellows for other modules (a milestone timeline is guarded by its fellow's row): they
 * take the lock through fellows instead of naming its table. Level 5 of lock-order.ts, ascending id.
 */

/** Locks these fellows' rows (FOR UPDATE, ascending id) in the current transaction; returns how many exist. */
export async function lockFellows(manager: EntityManager, ids: readonly string[]): Promise<number> {
  const [found] = await lockInOrder(manager, [{ table: 'fellows', ids }]);
  return found ?? 0;
}

/** Locks the rows of the cohort's active fellows (FOR UPDATE, ascending id) and returns their ids. */
export async function lockActiveFellowsOfCohort(manager: EntityManager, cohortId: string): Promise<string[]> {
  return lockActiveFellowRows(manager, cohortId);
}
