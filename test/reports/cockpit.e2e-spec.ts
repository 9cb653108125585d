import { ReportsModule } from '@vgbf/reports';
import { submittedApplications } from '../support/committee';
import { openCohort } from '../support/cohorts';
import { createFellows, createMentor, createMilestones, pairUp } from '../support/programme';
import { type TestApp, createTestApp } from '../support/test-app';
import { type SignedIn, signIn } from '../support/users';
import { DAY, NOW, type Seeded, day, fixReportsClock, seedCohort } from './reports-setup';

const HOUR = 3_600_000;
const at = (msFromNow: number): Date => new Date(NOW.getTime() + msFromNow);

interface CockpitCohort {
  id: string;
  name: string;
  status: string;
  reviewDeadline: string | null;
  programmeStart: string;
  programmeEnd: string;
  attention: Record<string, number> & { overdueReviewers: Array<{ reviewerId: string; fullName: string; count: number }> };
}

/**
 * The staff cockpit's counts, each against a situation built to a known number: things that count,
 * and next to each, near misses that must not (a reviewed assignment, a decided conflict, an offer
 * expiring in 72 hours, a withdrawn fellow, a mentor-side milestone, another staff member's report…).
 */
describe('Cockpit', () => {
  let t: TestApp;
  let s: Seeded;
  let selecting: string;
  let reviewers: SignedIn[];
  const get = (who: SignedIn) => t.http.get('/api/v1/cockpit').set('authorization', who.bearer);

  /** The selecting cohort: applications, a review round past its deadline, conflicts and offers. */
  async function buildSelecting(staff: SignedIn): Promise<string> {
    const cohortId = (await openCohort(t, staff, 'VGBF Cockpit Selecting')).id;
    await t.db.query(`UPDATE cohorts SET status = 'selecting' WHERE id = $1`, [cohortId]);
    const apps = await submittedApplications(t, cohortId, 8);
    // 3 stay submitted (to check); one is a draft, the others are in review or later.
    await t.db.query(`UPDATE applications SET status = 'draft', submitted_at = NULL WHERE id = $1`, [apps[3].id]);
    await t.db.query(`UPDATE applications SET status = 'under_review' WHERE id = ANY($1)`, [apps.slice(4, 7).map((a) => a.id)]);
    await t.db.query(`UPDATE applications SET status = 'withdrawn' WHERE id = $1`, [apps[7].id]);
    await t.db.query(`INSERT INTO review_rounds (cohort_id, rubric, review_deadline) VALUES ($1, '{}', $2)`, [
      cohortId,
      at(-DAY),
    ]);
    reviewers = [await signIn(t, ['reviewer'], 'rev-a'), await signIn(t, ['reviewer'], 'rev-b')];
    await t.db.query(`UPDATE users SET full_name = $2 WHERE id = $1`, [reviewers[0].id, 'Trần Văn Chậm']);
    await t.db.query(`UPDATE users SET full_name = $2 WHERE id = $1`, [reviewers[1].id, 'Lê Thị Trễ']);
    const assign = async (applicationId: string, reviewer: SignedIn, reviewed: boolean) => {
      const [row] = await t.db.query<Array<{ id: string }>>(
        `INSERT INTO review_assignments (cohort_id, application_id, reviewer_id, source) VALUES ($1, $2, $3, 'auto') RETURNING id`,
        [cohortId, applicationId, reviewer.id],
      );
      if (reviewed)
        await t.db.query(
          `INSERT INTO reviews (assignment_id, scores, weighted_score, comment, recommendation) VALUES ($1, '{}', 3, 'ok', 'yes')`,
          [row.id],
        );
    };
    // Reviewer A: two without a review, one reviewed; B: one without; a withdrawn application's does not count.
    await assign(apps[4].id, reviewers[0], false);
    await assign(apps[5].id, reviewers[0], false);
    await assign(apps[6].id, reviewers[0], true);
    await assign(apps[4].id, reviewers[1], false);
    await assign(apps[7].id, reviewers[1], false);
    // Conflicts: two pending, one decided.
    const conflict = (applicationId: string, reviewer: SignedIn, status: string) =>
      t.db.query(
        `INSERT INTO reviewer_conflicts (application_id, reviewer_id, source, status, reason) VALUES ($1, $2, 'detected', $3, 'same employer')`,
        [applicationId, reviewer.id, status],
      );
    await conflict(apps[0].id, reviewers[0], 'pending');
    await conflict(apps[1].id, reviewers[1], 'pending');
    await conflict(apps[2].id, reviewers[0], 'dismissed');
    // Offers: one pending expiring in 24 h counts; in 72 h, already expired, or accepted do not.
    const [run] = await t.db.query<Array<{ id: string }>>(
      `INSERT INTO selection_runs (cohort_id, input, result, status, created_by) VALUES ($1, '{}', '{}', 'confirmed', $2) RETURNING id`,
      [cohortId, staff.id],
    );
    const offer = (applicationId: string, status: string, expiresInHours: number) =>
      t.db.query(`INSERT INTO offers (application_id, cohort_id, run_id, status, expires_at) VALUES ($1, $2, $3, $4, $5)`, [
        applicationId,
        cohortId,
        run.id,
        status,
        at(expiresInHours * HOUR),
      ]);
    await offer(apps[4].id, 'pending', 24);
    await offer(apps[5].id, 'pending', 72);
    await offer(apps[6].id, 'pending', -1);
    await offer(apps[0].id, 'accepted', 10);
    return cohortId;
  }

  /** Adds to the running cohort: a silent and a new pair, hubs for most fellows, evidence and reports. */
  async function extendRunning(): Promise<void> {
    const [late, fresh, gone] = await createFellows(t, s.cohortId, s.staff, [
      { fullName: 'Fellow G late pair', startDate: day(-120) },
      { fullName: 'Fellow H fresh pair', startDate: day(-120) },
      { fullName: 'Fellow I withdrawn', startDate: day(-120) },
    ]);
    await t.db.query(`UPDATE fellows SET status = 'withdrawn' WHERE id = $1`, [gone.id]);
    // Paired 45 days ago without any session: silent (and, by the at-risk rule, flagged); paired 10 days ago: not yet.
    const lateMentor = await createMentor(t, {}, 'mentor-late');
    const freshMentor = await createMentor(t, {}, 'mentor-fresh');
    const latePair = await pairUp(t, s.cohortId, late.id, lateMentor.id);
    const freshPair = await pairUp(t, s.cohortId, fresh.id, freshMentor.id);
    await t.db.query(`UPDATE pairings SET created_at = $2 WHERE id = $1`, [latePair, at(-45 * DAY)]);
    await t.db.query(`UPDATE pairings SET created_at = $2 WHERE id = $1`, [freshPair, at(-10 * DAY)]);
    // Hubs: every active fellow placed but three (healthy, overdue, the fresh pair's).
    await t.db.query(
      `UPDATE fellows SET hub_id = (SELECT id FROM hubs WHERE cohort_id = $1 ORDER BY name LIMIT 1), placed_at = now()
        WHERE cohort_id = $1 AND status = 'active' AND NOT (id = ANY($2))`,
      [s.cohortId, [s.fellows.healthy.id, s.fellows.overdue.id, fresh.id]],
    );
    // Evidence: staff and both waiting; one staff already decided; a mentor-only one (seeded) is not staff's.
    const [toStaff, toBoth, decided] = await createMilestones(t, s.fellows.negative.id, [
      { code: 'E1', dueOn: day(5), state: 'submitted', reviewer: 'staff', position: 11 },
      { code: 'E2', dueOn: day(6), state: 'submitted', reviewer: 'both', position: 12 },
      { code: 'E3', dueOn: day(7), state: 'submitted', reviewer: 'staff', position: 13 },
    ]);
    const submit = async (milestoneId: string) => {
      const [row] = await t.db.query<Array<{ id: string }>>(
        `INSERT INTO milestone_submissions (milestone_id, version, text, submitted_by)
         SELECT $1, 1, 'Done', f.user_id FROM milestones m JOIN fellows f ON f.id = m.fellow_id WHERE m.id = $1 RETURNING id`,
        [milestoneId],
      );
      return row.id;
    };
    await submit(toStaff);
    await submit(toBoth);
    const decidedSubmission = await submit(decided);
    await t.db.query(
      `INSERT INTO milestone_reviews (milestone_id, submission_id, reviewer_id, reviewer_role, decision)
       VALUES ($1, $2, $3, 'staff', 'changes_requested')`,
      [decided, decidedSubmission, s.staff.id],
    );
    // Reports: the caller's finished 2 days ago counts; 10 days ago, still running, or someone else's do not.
    const other = await signIn(t, ['staff'], 'other-staff');
    const report = (by: string, status: string, finishedDaysAgo: number | null) =>
      t.db.query(
        `INSERT INTO report_jobs (kind, format, cohort_id, status, requested_by, finished_at) VALUES ('cohort_progress', 'csv', $1, $2, $3, $4)`,
        [s.cohortId, status, by, finishedDaysAgo === null ? null : at(-finishedDaysAgo * DAY)],
      );
    await report(s.staff.id, 'done', 2);
    await report(s.staff.id, 'done', 10);
    await report(s.staff.id, 'running', null);
    await report(other.id, 'done', 1);
  }

  beforeAll(async () => {
    t = await createTestApp();
    fixReportsClock(t.app, ReportsModule);
    s = await seedCohort(t);
    selecting = await buildSelecting(s.staff);
    await extendRunning();
    // One of the five at-risk flags is acknowledged: four remain.
    await t.http
      .post(`/api/v1/cohorts/${s.cohortId}/at-risk/${s.fellows.overdue.id}/acknowledgements`)
      .set('authorization', s.staff.bearer)
      .send({ rule: 'milestone_overdue', note: 'Called her.' })
      .expect(201);
  }, 120_000);
  afterAll(() => t.close());

  it('counts exactly what needs attention in each cohort', async () => {
    const res = await get(s.staff).expect(200);
    expect(res.body.now).toBe(NOW.toISOString());
    const byId = new Map<string, CockpitCohort>(res.body.cohorts.map((c: CockpitCohort) => [c.id, c]));
    expect(byId.get(selecting)).toMatchObject({
      status: 'selecting',
      reviewDeadline: at(-DAY).toISOString(),
      attention: {
        applicationsToCheck: 3,
        reviewsOverdue: 3,
        overdueReviewers: [
          { reviewerId: reviewers[0].id, fullName: 'Trần Văn Chậm', count: 2 },
          { reviewerId: reviewers[1].id, fullName: 'Lê Thị Trễ', count: 1 },
        ],
        conflictsToDecide: 2,
        offersExpiring: 1,
        placementsUnconfirmed: 0,
        pairsSilent: 0,
        evidenceWaiting: 0,
        atRiskUnacknowledged: 0,
        reportsReady: 0,
      },
    });
    expect(byId.get(s.cohortId)).toMatchObject({
      status: 'running',
      reviewDeadline: null,
      attention: {
        applicationsToCheck: 0,
        reviewsOverdue: 0,
        overdueReviewers: [],
        conflictsToDecide: 0,
        offersExpiring: 0,
        placementsUnconfirmed: 3,
        pairsSilent: 1,
        evidenceWaiting: 2,
        atRiskUnacknowledged: 4,
        reportsReady: 1,
      },
    });
  });

  it('shows each cohort’s dates: the programme ends a track after it starts', async () => {
    const res = await get(s.staff).expect(200);
    const running = res.body.cohorts.find((c: CockpitCohort) => c.id === s.cohortId) as CockpitCohort;
    const [row] = await t.db.query<Array<{ start: string; months: number }>>(
      `SELECT to_char(programme_start_date, 'YYYY-MM-DD') AS start, track_months AS months FROM cohorts WHERE id = $1`,
      [s.cohortId],
    );
    const end = new Date(`${row.start}T00:00:00Z`);
    end.setUTCMonth(end.getUTCMonth() + row.months);
    end.setUTCDate(end.getUTCDate() - 1);
    expect({ start: running.programmeStart, end: running.programmeEnd }).toEqual({
      start: row.start,
      end: end.toISOString().slice(0, 10),
    });
  });

  it('reports ready are the caller’s own: another staff member sees theirs', async () => {
    const admin = await signIn(t, ['admin'], 'admin');
    const res = await get(admin).expect(200);
    const running = res.body.cohorts.find((c: CockpitCohort) => c.id === s.cohortId) as CockpitCohort;
    expect(running.attention.reportsReady).toBe(0);
    expect(running.attention.placementsUnconfirmed).toBe(3);
  });

  it('a closed cohort’s at-risk flags are history, not work: it counts none', async () => {
    await t.db.query(`UPDATE cohorts SET status = 'closed' WHERE id = $1`, [s.cohortId]);
    try {
      const res = await get(s.staff).expect(200);
      const closed = res.body.cohorts.find((c: CockpitCohort) => c.id === s.cohortId) as CockpitCohort;
      expect(closed.attention.atRiskUnacknowledged).toBe(0);
    } finally {
      await t.db.query(`UPDATE cohorts SET status = 'running' WHERE id = $1`, [s.cohortId]);
    }
    const again = await get(s.staff).expect(200);
    const running = again.body.cohorts.find((c: CockpitCohort) => c.id === s.cohortId) as CockpitCohort;
    expect(running.attention.atRiskUnacknowledged).toBe(4);
  });

  it('is for staff and admins only', async () => {
    await t.http.get('/api/v1/cockpit').expect(401);
    for (const role of ['reviewer', 'mentor', 'fellow', 'applicant'] as const) {
      const who = await signIn(t, [role], role);
      const res = await get(who).expect(403);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
  });
});
