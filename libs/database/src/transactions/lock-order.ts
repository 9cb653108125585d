import type { EntityManager } from 'typeorm';

/**
 * THE LOCK ORDER — the one place it is written. A transaction that takes more than one lock takes
 * them in this order (earlier level first; inside a level, ascending id / key), so two transactions
 * never wait on each other in a circle. What still deadlocks (a path that cannot follow the order) is
 * retried by Transactions.run (retry-policy.ts), but a retry is a cost, not a design.
 *
 * Level  What                                   Taken by (today)
 * 1      advisory xact locks, by key            announcements (idempotency key), weekly report (cohort+week)
 * 2      cohorts row (the "cohort lock")        the proposal kernel (libs/proposals ProposalWorkflow.lockCohort,
 *                                               via lockInOrder): every propose and confirm of selection,
 *                                               placement and matching takes it first, before the fellows,
 *                                               applications, offers or pairings it touches; placement's move
 *                                               (cohort, then fellow); cohort transitions, milestone template,
 *                                               feedback checkpoints, cohort setup
 * 3      review_rounds, per cohort              rounds, assignments
 * 4      applications, then offers              submissions, transitions, notes, reopening, seat replacement,
 *                                               selection confirmation (ApplicationTransitions.lockMany)
 * 5      fellows, by id                         fellows (place, goals, dates), milestone timelines (fellows' lockFellows)
 * 6      pairings, rematch_requests             matching, pair access (FOR SHARE)
 * 7      milestones, mentoring_sessions,        evidence, sessions, planned sessions
 *        planned_sessions
 * 8      users, mentor_profiles, invitations    user admin, invitations, mentor profiles
 * —      outbox (FOR UPDATE SKIP LOCKED)        never waits, so it has no level
 */
export const LOCK_LEVELS = {
  advisory: 1,
  cohorts: 2,
  review_rounds: 3,
  applications: 4,
  offers: 4,
  fellows: 5,
  pairings: 6,
  rematch_requests: 6,
  milestones: 7,
  mentoring_sessions: 7,
  planned_sessions: 7,
  users: 8,
  mentor_profiles: 8,
  invitations: 8,
} as const;

export type LockTarget = keyof typeof LOCK_LEVELS;

/** One lock to take: rows of a table by id (FOR UPDATE), or an advisory transaction lock by key. */
export type Lock = { table: Exclude<LockTarget, 'advisory'>; ids: readonly string[] } | { advisory: string };

const targetOf = (lock: Lock): LockTarget => ('advisory' in lock ? 'advisory' : lock.table);

/** The locks sorted by the lock order: by level, then table name, then key — the order lockInOrder takes them in. */
export function inLockOrder(locks: readonly Lock[]): Lock[] {
  const keyOf = (lock: Lock): string => ('advisory' in lock ? lock.advisory : ([...lock.ids].sort()[0] ?? ''));
  return [...locks].sort(
    (a, b) =>
      LOCK_LEVELS[targetOf(a)] - LOCK_LEVELS[targetOf(b)] ||
      targetOf(a).localeCompare(targetOf(b)) ||
      keyOf(a).localeCompare(keyOf(b)),
  );
}

/**
 * Takes several locks in the current transaction in the lock order (rows of one table in ascending id),
 * whatever order the caller lists them in. Returns how many rows each row lock found, in the order given.
 */
export async function lockInOrder(manager: EntityManager, locks: readonly Lock[]): Promise<number[]> {
  const found = new Map<Lock, number>();
  for (const lock of inLockOrder(locks)) {
    if ('advisory' in lock) {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [lock.advisory]);
      found.set(lock, 1);
    } else {
      // The table name comes from LOCK_LEVELS' keys (a closed set), never from input.
      const rows = await manager.query<unknown[]>(
        `SELECT 1 FROM ${lock.table} WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`,
        [[...lock.ids]],
      );
      found.set(lock, rows.length);
    }
  }
  return locks.map((lock) => found.get(lock) ?? 0);
}
