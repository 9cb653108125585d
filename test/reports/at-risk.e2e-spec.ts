import { ReportsModule } from '@vgbf/reports';
import { type TestApp, createTestApp } from '../support/test-app';
import { signIn } from '../support/users';
import { type Seeded, TODAY, day, fixReportsClock, seedCohort } from './reports-setup';

describe('Progress and at-risk', () => {
  let t: TestApp;
  let s: Seeded;
  const get = (path: string) => t.http.get(`/api/v1${path}`).set('authorization', s.staff.bearer);
  const post = (path: string, body: object) =>
    t.http.post(`/api/v1${path}`).set('authorization', s.staff.bearer).send(body);

  beforeAll(async () => {
    t = await createTestApp();
    fixReportsClock(t.app, ReportsModule);
    s = await seedCohort(t);
  }, 60_000);
  afterAll(() => t.close());

  it('lists exactly the fellows the rules predict, each flag with its reasons', async () => {
    const res = await get(`/cohorts/${s.cohortId}/at-risk`).expect(200);
    expect(res.body.today).toBe(TODAY);
    expect(res.body.meta).toEqual({ page: 1, pageSize: 25, total: 4, pageCount: 1 });
    const byId = new Map<string, { flags: Array<{ rule: string; reasons: unknown[]; acknowledgement: unknown }> }>(
      res.body.items.map((f: { fellowId: string }) => [f.fellowId, f]),
    );
    expect([...byId.keys()].sort()).toEqual(
      [s.fellows.overdue.id, s.fellows.silent.id, s.fellows.lowRatings.id, s.fellows.negative.id].sort(),
    );
    expect(byId.get(s.fellows.overdue.id)?.flags).toEqual([
      {
        rule: 'milestone_overdue',
        reasons: [
          {
            milestoneId: s.milestoneIds.overdue[0],
            code: 'M1',
            title: { vi: 'M1', en: 'M1' },
            dueOn: day(-20),
            daysOverdue: 20,
          },
        ],
        acknowledgement: null,
      },
    ]);
    const silent = byId.get(s.fellows.silent.id)?.flags;
    expect(silent).toHaveLength(1);
    expect(silent?.[0]).toMatchObject({ rule: 'no_confirmed_session', reasons: [{ days: 40 }] });
    const low = byId.get(s.fellows.lowRatings.id)?.flags;
    expect(low?.map((f) => f.rule)).toEqual(['low_ratings']);
    expect((low?.[0].reasons as Array<{ rating: number }>).map((r) => r.rating)).toEqual([2, 1]);
    expect(byId.get(s.fellows.negative.id)?.flags).toEqual([
      {
        rule: 'negative_feedback',
        reasons: [
          {
            authorRole: 'fellow',
            checkpoint: 'mid',
            question: 'responsive',
            kind: 'yes_no',
            answer: false,
            title: { vi: 'Người kia có phản hồi kịp thời không?', en: 'Is the other side responsive?' },
            checkpointTitle: expect.objectContaining({ en: expect.any(String) }),
          },
        ],
        acknowledgement: null,
      },
    ]);
  });

  it('computes progress figures equal to an independent count', async () => {
    const res = await get(`/cohorts/${s.cohortId}/progress`).expect(200);
    const of = (id: string) => res.body.items.find((f: { fellowId: string }) => f.fellowId === id);
    expect(res.body.items).toHaveLength(6);
    // overdue: M0 approved (due −40), M1 open (−20), M2 sent back (−10): 3 due, 1 approved, 2 overdue.
    expect(of(s.fellows.overdue.id).milestones).toEqual({
      total: 3,
      dueToDate: 3,
      approvedOfDue: 1,
      approved: 1,
      overdue: 2,
      percentApproved: 33.3,
    });
    // lowRatings: the waived milestone counts nowhere.
    expect(of(s.fellows.lowRatings.id).milestones).toMatchObject({ total: 1, dueToDate: 1, percentApproved: 100 });
    // negative: nothing due yet.
    expect(of(s.fellows.negative.id).milestones).toMatchObject({ dueToDate: 0, percentApproved: null, overdue: 0 });
    expect(of(s.fellows.lowRatings.id).sessions).toMatchObject({
      confirmed: 4,
      daysSinceLastConfirmed: 2,
      averageRating: (2 + 5 + 1 + 5) / 4,
    });
    // silent: the unconfirmed session 2 days ago does not count; the confirmed one 40 days ago does.
    expect(of(s.fellows.silent.id).sessions).toMatchObject({ confirmed: 1, daysSinceLastConfirmed: 40, averageRating: 3 });
    expect(of(s.fellows.negative.id).latestFeedback.fellow).toMatchObject({
      checkpoint: 'mid',
      answers: { usefulness: 3, responsive: false, change: 'More time' },
    });
    expect(of(s.fellows.borderline.id).flags).toEqual([]);
    expect(of(s.fellows.borderline.id).milestones.overdue).toBe(1);
  });

  it('records an acknowledgement (audited); the flag stays listed, marked', async () => {
    const path = `/cohorts/${s.cohortId}/at-risk/${s.fellows.overdue.id}/acknowledgements`;
    const res = await post(path, { rule: 'milestone_overdue', note: 'Called the fellow; new date agreed.' }).expect(201);
    expect(res.body).toMatchObject({ note: 'Called the fellow; new date agreed.', acknowledgedBy: s.staff.id });
    const list = await get(`/cohorts/${s.cohortId}/at-risk`).expect(200);
    const flag = list.body.items.find((f: { fellowId: string }) => f.fellowId === s.fellows.overdue.id).flags[0];
    expect(flag.acknowledgement).toMatchObject({ note: 'Called the fellow; new date agreed.' });
    const audit = await t.db.query(`SELECT action, after FROM audit_log WHERE entity_id = $1`, [s.fellows.overdue.id]);
    expect(audit).toEqual([{ action: 'at_risk.acknowledged', after: { rule: 'milestone_overdue', note: 'Called the fellow; new date agreed.' } }]);
  });

  it('refuses bad input with a 400 problem and writes nothing', async () => {
    const before = await t.db.query(`SELECT count(*)::int AS n FROM at_risk_acknowledgements`);
    const path = `/cohorts/${s.cohortId}/at-risk/${s.fellows.silent.id}/acknowledgements`;
    for (const body of [{ rule: 'bored', note: 'x' }, { rule: 'low_ratings', note: '' }, {}]) {
      const res = await post(path, body).expect(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    await post(`/cohorts/${s.cohortId}/at-risk/00000000-0000-4000-8000-000000000000/acknowledgements`, {
      rule: 'low_ratings',
      note: 'x',
    }).expect(404);
    expect(await t.db.query(`SELECT count(*)::int AS n FROM at_risk_acknowledgements`)).toEqual(before);
  });

  it('serves the dashboard: funnel, composition, milestones by week, sessions by month, at-risk', async () => {
    const res = await get(`/cohorts/${s.cohortId}/dashboard`).expect(200);
    expect(res.body.funnel).toMatchObject({ started: 6, submitted: 6, accepted: 6, fellows: 6, byStatus: { accepted: 6 } });
    expect(Object.keys(res.body.composition).sort()).toEqual(['gender', 'hub', 'region', 'sector']);
    expect(res.body.composition.region).toEqual([{ key: 'North', fellows: 6 }]);
    // Hubs by code (the web names them in the reader's language from the cohort's hubs), not by English name.
    for (const item of res.body.composition.hub as Array<{ key: string }>) expect(item.key).toMatch(/^([A-Z0-9_]+|unknown)$/);
    const weeks = res.body.milestonesByWeek as Array<{ week: string; due: number; approved: number }>;
    expect(weeks.length).toBeGreaterThan(5);
    const last = weeks[weeks.length - 1];
    expect(last).toMatchObject({ due: 11, approved: 5 }); // 12 milestones, 1 waived; 5 approved
    for (let i = 1; i < weeks.length; i++) expect(weeks[i].due).toBeGreaterThanOrEqual(weeks[i - 1].due);
    const sessions = (res.body.sessionsByMonth as Array<{ sessions: number }>).reduce((n, m) => n + m.sessions, 0);
    expect(sessions).toBe(12);
    // The at-risk list's first page (10 a page), the same as GET …/at-risk?pageSize=10.
    expect(res.body.atRisk.meta).toEqual({ page: 1, pageSize: 10, total: 4, pageCount: 1 });
    expect(res.body.atRisk.items).toHaveLength(4);
    expect(res.body.atRisk).toEqual((await get(`/cohorts/${s.cohortId}/at-risk?pageSize=10`).expect(200)).body);
    const other = await signIn(t, ['mentor'], 'mentor');
    await t.http.get(`/api/v1/cohorts/${s.cohortId}/dashboard`).set('authorization', other.bearer).expect(403);
    await get(`/cohorts/00000000-0000-4000-8000-000000000000/dashboard`).expect(404);
  });
});
