import { Clock } from '@vgbf/core';
import { ReportsJobsModule, ReportsModule } from '@vgbf/reports';
import type { INestApplicationContext } from '@nestjs/common';
import { openCohort } from '../support/cohorts';
import { type TestFellow, createFellows, createMentor, createMilestones, pairUp } from '../support/programme';
import type { TestApp } from '../support/test-app';
import { type SignedIn, signIn } from '../support/users';

export const DAY = 86_400_000;
/** "Now" for the reports: 10:00 in Vietnam on 2027-11-15 (a Monday). */
export const NOW = new Date('2027-11-15T03:00:00Z');
export const TODAY = '2027-11-15';
/** A calendar day `n` days from TODAY. */
export const day = (n: number): string => new Date(Date.parse(`${TODAY}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
const at = (daysAgo: number): Date => new Date(NOW.getTime() - daysAgo * DAY);

/** Fixes the reports' Clock (API or worker side) at NOW: "today" is the test's, not the machine's. */
export function fixReportsClock(app: INestApplicationContext, module: typeof ReportsModule | typeof ReportsJobsModule): void {
  jest.spyOn(app.select(module).get(Clock), 'now').mockReturnValue(NOW);
}

export interface Seeded {
  staff: SignedIn;
  cohortId: string;
  /** healthy, overdue, silent, lowRatings, negative, borderline */
  fellows: Record<'healthy' | 'overdue' | 'silent' | 'lowRatings' | 'negative' | 'borderline', TestFellow>;
  pairings: Record<string, string>;
  milestoneIds: Record<string, string[]>;
}

/**
 * A running cohort of six fellows, each built to trip one rule (or, for healthy and borderline, none):
 *  - healthy: everything on time, good ratings and feedback;
 *  - overdue: M1 open 20 days past due (flag), M2 10 days past due (overdue, under the 14-day rule);
 *  - silent: paired 60 days ago, last confirmed session 40 days ago (a newer one unconfirmed);
 *  - lowRatings: ratings 2, 5, 1 among the last sessions;
 *  - negative: latest fellow feedback (mid) answers "responsive: no"; the earlier month_1 was positive;
 *  - borderline: M1 exactly 14 days past due, one rating of 2, a text answer only: no flag.
 */
export async function seedCohort(t: TestApp): Promise<Seeded> {
  const staff = await signIn(t, ['staff'], 'staff');
  const cohortId = (await openCohort(t, staff, `VGBF Reports ${Math.random().toString(36).slice(2, 6)}`)).id;
  await t.db.query(`UPDATE cohorts SET status = 'running' WHERE id = $1`, [cohortId]);
  const names = ['healthy', 'overdue', 'silent', 'lowRatings', 'negative', 'borderline'] as const;
  const list = await createFellows(
    t,
    cohortId,
    staff,
    names.map((n, i) => ({ fullName: `Fellow ${String.fromCharCode(65 + i)} ${n}`, startDate: day(-120) })),
  );
  const fellows = Object.fromEntries(names.map((n, i) => [n, list[i]])) as Seeded['fellows'];
  const pairings: Record<string, string> = {};
  for (const n of names) {
    const mentor = await createMentor(t, {}, `mentor-${n}`);
    pairings[n] = await pairUp(t, cohortId, fellows[n].id, mentor.id);
  }
  await t.db.query(`UPDATE pairings SET created_at = $2 WHERE cohort_id = $1`, [cohortId, at(60)]);

  const milestoneIds: Record<string, string[]> = {};
  const ms = async (n: (typeof names)[number], specs: Parameters<typeof createMilestones>[2]) =>
    (milestoneIds[n] = await createMilestones(t, fellows[n].id, specs));
  const approved = (code: string, due: number) => ({ code, dueOn: day(due), state: 'approved' as const, approvedAt: at(-due + 1) });
  await ms('healthy', [approved('M1', -30), { code: 'M2', dueOn: day(5) }]);
  await ms('overdue', [
    { code: 'M1', dueOn: day(-20) },
    { code: 'M2', dueOn: day(-10), state: 'changes_requested' },
    approved('M0', -40),
  ]);
  await ms('silent', [approved('M1', -30), { code: 'M2', dueOn: day(-3), state: 'submitted' }]);
  await ms('lowRatings', [approved('M1', -30), { code: 'W1', dueOn: day(-50), state: 'waived' }]);
  await ms('negative', [{ code: 'M1', dueOn: day(10) }]);
  await ms('borderline', [{ code: 'M1', dueOn: day(-14) }, approved('M2', -60)]);

  const session = (n: string, daysAgo: number, confirmed: boolean, rating: number | null) =>
    t.db.query(
      `INSERT INTO mentoring_sessions (pairing_id, held_at, duration_minutes, mode, topics, logged_by, confirmed_at, rating)
       SELECT id, $2, 60, 'online', '{esg}', mentor_id, $3, $4 FROM pairings WHERE id = $1`,
      [pairings[n], at(daysAgo), confirmed ? at(daysAgo - 1) : null, rating],
    );
  await session('healthy', 5, true, 4);
  await session('healthy', 20, true, 5);
  await session('overdue', 3, true, 4);
  await session('silent', 40, true, 3);
  await session('silent', 2, false, null);
  await session('lowRatings', 2, true, 2);
  await session('lowRatings', 9, true, 5);
  await session('lowRatings', 16, true, 1);
  await session('lowRatings', 30, true, 5);
  await session('negative', 6, true, 4);
  await session('borderline', 4, true, 2);
  await session('borderline', 12, true, 4);

  const feedback = async (n: string, checkpoint: string, role: 'fellow' | 'mentor', daysAgo: number, answers: object) =>
    t.db.query(
      `INSERT INTO feedback_answers (pairing_id, checkpoint, author_role, author_id, answers, created_at)
       SELECT p.id, $2, $3, CASE WHEN $3 = 'fellow' THEN f.user_id ELSE p.mentor_id END, $4, $5
         FROM pairings p JOIN fellows f ON f.id = p.fellow_id WHERE p.id = $1`,
      [pairings[n], checkpoint, role, JSON.stringify(answers), at(daysAgo)],
    );
  await feedback('healthy', 'month_1', 'fellow', 80, { usefulness: 5, responsive: true });
  await feedback('negative', 'month_1', 'fellow', 80, { usefulness: 4, responsive: true });
  await feedback('negative', 'mid', 'fellow', 10, { usefulness: 3, responsive: false, change: 'More time' });
  await feedback('negative', 'month_1', 'mentor', 80, { usefulness: 4, responsive: true });
  await feedback('borderline', 'month_1', 'fellow', 80, { usefulness: 3, responsive: true, change: 'Nothing' });
  return { staff, cohortId, fellows, pairings, milestoneIds };
}
