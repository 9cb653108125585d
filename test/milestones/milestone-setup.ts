import { Clock } from '@vgbf/core';
import { openCohort } from '../support/cohorts';
import { type FellowSpec, type TestFellow, createFellows } from '../support/programme';
import type { TestApp } from '../support/test-app';
import { type SignedIn, signIn } from '../support/users';

/** The app's one Clock, to move "today" for the milestones' reads and checks (and every other module's; restore with mockRestore). */
export function milestonesClock(t: TestApp): jest.SpyInstance<Date, []> {
  return jest.spyOn(t.app.get(Clock), 'now');
}

/** An instant given as Vietnam wall time, e.g. at('2027-09-15T23:59'). */
export const at = (local: string): Date => new Date(`${local}:00+07:00`);

/** Factory: a 12-month cohort starting on `startDate`, with fellows (each may start on their own day). */
export async function programmeCohort(
  t: TestApp,
  startDate: string,
  fellows: FellowSpec[],
  trackMonths = 12,
): Promise<{ staff: SignedIn; cohortId: string; fellows: TestFellow[] }> {
  const staff = await signIn(t, ['staff'], 'staff');
  const cohortId = (await openCohort(t, staff, `VGBF Milestones ${Math.random().toString(36).slice(2, 6)}`)).id;
  await t.db.query(`UPDATE cohorts SET track_months = $2, programme_start_date = $3 WHERE id = $1`, [
    cohortId,
    trackMonths,
    startDate,
  ]);
  return { staff, cohortId, fellows: await createFellows(t, cohortId, staff, fellows) };
}

/** An audit row's before/after, as the tests read it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Audited = Record<string, any>;

export const auditRows = (
  t: TestApp,
  action: string,
  entityId?: string,
): Promise<Array<{ entity_id: string; before: Audited; after: Audited; reason: string | null; actor_id: string }>> =>
  t.db.query(
    `SELECT entity_id, before, after, reason, actor_id FROM audit_log
      WHERE action = $1 AND ($2::text IS NULL OR entity_id = $2) ORDER BY created_at, id`,
    [action, entityId ?? null],
  );
