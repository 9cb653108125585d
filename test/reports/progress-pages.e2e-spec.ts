import { ReportsModule } from '@vgbf/reports';
import { type TestApp, createTestApp } from '../support/test-app';
import { type Seeded, TODAY, fixReportsClock, seedCohort } from './reports-setup';

interface FellowItem {
  fellowId: string;
  fullName: string;
  milestones: { dueToDate: number; approvedOfDue: number; overdue: number };
  sessions: { confirmed: number };
  flags: unknown[];
}

const WEEK = 7 * 86_400_000;
const addDays = (isoDay: string, n: number): string =>
  new Date(Date.parse(`${isoDay}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

describe('Progress pages and per-cohort reads', () => {
  let t: TestApp;
  let s: Seeded;
  let other: Seeded;
  const get = (path: string) => t.http.get(`/api/v1${path}`).set('authorization', s.staff.bearer);

  beforeAll(async () => {
    t = await createTestApp();
    fixReportsClock(t.app, ReportsModule);
    s = await seedCohort(t);
    other = await seedCohort(t); // a second cohort with its own fellows, milestones and sessions
  }, 90_000);
  afterAll(() => t.close());

  it('pages the progress by name; total and summary count the whole cohort', async () => {
    const all = (await get(`/cohorts/${s.cohortId}/progress`).expect(200)).body;
    expect(all.meta).toEqual({ page: 1, pageSize: 25, total: 6, pageCount: 1 });
    expect(all.today).toBe(TODAY);
    const first = (await get(`/cohorts/${s.cohortId}/progress?page=1&pageSize=4`).expect(200)).body;
    const second = (await get(`/cohorts/${s.cohortId}/progress?page=2&pageSize=4`).expect(200)).body;
    expect(first.meta).toEqual({ page: 1, pageSize: 4, total: 6, pageCount: 2 });
    expect(second.meta).toEqual({ page: 2, pageSize: 4, total: 6, pageCount: 2 });
    expect(first.items).toHaveLength(4);
    expect(second.items).toHaveLength(2);
    const paged = [...first.items, ...second.items] as FellowItem[];
    expect(paged).toEqual(all.items);
    const names = paged.map((f) => f.fullName);
    expect(names).toEqual([...names].sort());
    expect(new Set(paged.map((f) => f.fellowId))).toEqual(new Set(Object.values(s.fellows).map((f) => f.id)));
    // The summary is the same on every page and adds up every fellow, not only the page's.
    const sum = (pick: (f: FellowItem) => number) => paged.reduce((n, f) => n + pick(f), 0);
    const summary = {
      fellows: 6,
      atRisk: paged.filter((f) => f.flags.length > 0).length,
      dueToDate: sum((f) => f.milestones.dueToDate),
      approvedOfDue: sum((f) => f.milestones.approvedOfDue),
      percentApproved:
        Math.round((1000 * sum((f) => f.milestones.approvedOfDue)) / sum((f) => f.milestones.dueToDate)) / 10,
      overdue: sum((f) => f.milestones.overdue),
      confirmedSessions: sum((f) => f.sessions.confirmed),
    };
    expect(summary.atRisk).toBe(4);
    expect(first.summary).toEqual(summary);
    expect(second.summary).toEqual(summary);
    // Past the last page: no fellows, the same total and summary.
    const past = (await get(`/cohorts/${s.cohortId}/progress?page=3&pageSize=4`).expect(200)).body;
    expect(past.items).toEqual([]);
    expect(past.meta).toEqual({ page: 3, pageSize: 4, total: 6, pageCount: 2 });
    expect(past.summary).toEqual(summary);
  });

  it('pages the at-risk fellows by name: exactly the flagged fellows of the full progress, flags and all', async () => {
    const progress = (await get(`/cohorts/${s.cohortId}/progress?pageSize=100`).expect(200)).body;
    const flagged = (progress.items as FellowItem[])
      .filter((f) => f.flags.length > 0)
      .map((f) => ({ fellowId: f.fellowId, fullName: f.fullName, flags: f.flags }));
    expect(flagged).toHaveLength(progress.summary.atRisk);
    const first = (await get(`/cohorts/${s.cohortId}/at-risk?page=1&pageSize=3`).expect(200)).body;
    const second = (await get(`/cohorts/${s.cohortId}/at-risk?page=2&pageSize=3`).expect(200)).body;
    expect(first.meta).toEqual({ page: 1, pageSize: 3, total: 4, pageCount: 2 });
    expect(second.meta).toEqual({ page: 2, pageSize: 3, total: 4, pageCount: 2 });
    expect(first.today).toBe(TODAY);
    const paged = [...first.items, ...second.items].map((f: FellowItem) => ({
      fellowId: f.fellowId,
      fullName: f.fullName,
      flags: f.flags,
    }));
    expect(paged).toEqual(flagged);
    const past = (await get(`/cohorts/${s.cohortId}/at-risk?page=3&pageSize=3`).expect(200)).body;
    expect(past.items).toEqual([]);
    expect(past.meta).toEqual({ page: 3, pageSize: 3, total: 4, pageCount: 2 });
  });

  it('answers bad paging with a 400 problem naming the field', async () => {
    for (const [query, field] of [
      ['page=0', 'page'],
      ['page=x', 'page'],
      ['page=10001', 'page'],
      ['pageSize=0', 'pageSize'],
      ['pageSize=101', 'pageSize'],
      ['pageSize=2.5', 'pageSize'],
    ]) {
      for (const list of ['progress', 'at-risk']) {
        const res = await get(`/cohorts/${s.cohortId}/${list}?${query}`).expect(400);
        expect(res.headers['content-type']).toContain('application/problem+json');
        expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual([field]);
      }
    }
    await get(`/cohorts/00000000-0000-4000-8000-000000000000/progress?pageSize=5`).expect(404);
    await get(`/cohorts/00000000-0000-4000-8000-000000000000/at-risk?pageSize=5`).expect(404);
  });

  it('reads only its own cohort: the other cohort’s fellows appear nowhere', async () => {
    const ours = new Set(Object.values(s.fellows).map((f) => f.id));
    const progress = (await get(`/cohorts/${s.cohortId}/progress?pageSize=100`).expect(200)).body;
    const atRisk = (await get(`/cohorts/${s.cohortId}/at-risk?pageSize=100`).expect(200)).body;
    const dashboard = (await get(`/cohorts/${s.cohortId}/dashboard`).expect(200)).body;
    for (const f of [...progress.items, ...atRisk.items, ...dashboard.atRisk.items] as FellowItem[])
      expect(ours.has(f.fellowId)).toBe(true);
    expect(progress.summary.fellows).toBe(6);
    const sessions = (dashboard.sessionsByMonth as Array<{ sessions: number }>).reduce((n, m) => n + m.sessions, 0);
    expect(sessions).toBe(12); // the other cohort logged as many: not counted here
    expect(other.cohortId).not.toBe(s.cohortId);
  });

  it('computes milestones by week equal to a count per week of the cohort’s own milestones', async () => {
    const dashboard = (await get(`/cohorts/${s.cohortId}/dashboard`).expect(200)).body;
    // Independent: every week from the first due week (Monday) to the last due or approval week, counted one by one.
    const rows = await t.db.query<Array<{ due_on: string; approved_on: string | null; state: string }>>(
      `SELECT to_char(m.due_on, 'YYYY-MM-DD') AS due_on, state,
              to_char((m.approved_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, 'YYYY-MM-DD') AS approved_on
         FROM milestones m JOIN fellows f ON f.id = m.fellow_id
        WHERE f.cohort_id = $1 AND f.status <> 'withdrawn' AND m.state <> 'waived'`,
      [s.cohortId],
    );
    const monday = (isoDay: string) => addDays(isoDay, -((new Date(`${isoDay}T00:00:00Z`).getUTCDay() + 6) % 7));
    const first = monday(rows.map((r) => r.due_on).sort()[0]);
    const last = monday(rows.flatMap((r) => [r.due_on, r.approved_on ?? r.due_on]).sort().at(-1) as string);
    const expected: Array<{ week: string; due: number; approved: number }> = [];
    for (let week = first; week <= last; week = addDays(week, 7)) {
      const end = addDays(week, 6);
      expected.push({
        week,
        due: rows.filter((r) => r.due_on <= end).length,
        approved: rows.filter((r) => r.state === 'approved' && r.approved_on !== null && r.approved_on <= end).length,
      });
    }
    expect(expected.length).toBe((Date.parse(last) - Date.parse(first)) / WEEK + 1);
    expect(dashboard.milestonesByWeek).toEqual(expected);
  });
});
