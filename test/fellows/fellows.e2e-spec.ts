import { openCohort } from '../support/cohorts';
import { type TestFellow, createFellows, logInFellow } from '../support/programme';
import { type TestApp, createTestApp } from '../support/test-app';
import { type SignedIn, signIn } from '../support/users';

describe('Fellows: their own record, goals, and staff adjusting dates (issue 6)', () => {
  let t: TestApp;
  let staff: SignedIn;
  let cohortId: string;
  let fellows: TestFellow[];
  let an: SignedIn;

  const as = (who: SignedIn) => ({
    get: (url: string) => t.http.get(url).set('authorization', who.bearer),
    put: (url: string) => t.http.put(url).set('authorization', who.bearer),
    patch: (url: string) => t.http.patch(url).set('authorization', who.bearer),
  });
  const row = async (id: string) =>
    (
      await t.db.query(
        `SELECT goals, to_char(start_date, 'YYYY-MM-DD') AS start, to_char(end_date, 'YYYY-MM-DD') AS end, status
           FROM fellows WHERE id = $1`,
        [id],
      )
    )[0];

  beforeAll(async () => {
    t = await createTestApp();
    staff = await signIn(t, ['staff'], 'staff');
    cohortId = (await openCohort(t, staff, 'VGBF Fellows')).id;
    fellows = await createFellows(t, cohortId, staff, [{ fullName: 'Nguyễn Văn An', goals: ['legal'] }, {}]);
    an = await logInFellow(t, fellows[0]);
  });
  afterAll(() => t.close());

  it('a fellow reads their own record, not anyone else’s', async () => {
    const res = await as(an).get('/api/v1/fellows/me').expect(200);
    expect(res.body).toHaveLength(1);
    expect(res.body[0]).toMatchObject({ id: fellows[0].id, fullName: 'Nguyễn Văn An', goals: ['legal'], cohortId });
    await as(an).get(`/api/v1/fellows/${fellows[1].id}`).expect(403);
  });

  it('a fellow states their goals; another fellow’s record is not found; bad goals change nothing', async () => {
    const res = await as(an)
      .put(`/api/v1/fellows/${fellows[0].id}/goals`)
      .send({ goals: ['export_logistics', 'esg'] })
      .expect(200);
    expect(res.body.goals).toEqual(['export_logistics', 'esg']);
    await as(an)
      .put(`/api/v1/fellows/${fellows[1].id}/goals`)
      .send({ goals: ['legal'] })
      .expect(404);
    expect((await row(fellows[1].id)).goals).toEqual([]);
    for (const goals of [['astrology'], ['legal', 'legal'], 'legal']) {
      const bad = await as(an).put(`/api/v1/fellows/${fellows[0].id}/goals`).send({ goals });
      expect(bad.status).toBe(400);
      expect(bad.headers['content-type']).toMatch(/problem\+json/);
      expect(bad.body.errors[0].field).toBe('goals');
    }
    expect((await row(fellows[0].id)).goals).toEqual(['export_logistics', 'esg']);
  });

  it('staff move a fellow’s start for a visa delay, with the reason audited', async () => {
    const before = await row(fellows[1].id);
    const res = await as(staff)
      .patch(`/api/v1/fellows/${fellows[1].id}`)
      .send({ startDate: '2028-01-15', endDate: '2028-07-14', reason: 'Visa delayed' })
      .expect(200);
    expect(res.body).toMatchObject({ startDate: '2028-01-15', endDate: '2028-07-14' });
    const [audit] = await t.db.query(
      `SELECT before, after FROM audit_log WHERE action = 'fellow.updated' AND entity_id = $1`,
      [fellows[1].id],
    );
    expect(audit.before).toMatchObject({ startDate: before.start, endDate: before.end });
    expect(audit.after).toMatchObject({ startDate: '2028-01-15', reason: 'Visa delayed' });
  });

  it.each([
    [{ startDate: '15/01/2028', reason: 'x' }, ['startDate']],
    [{ status: 'graduated', reason: 'x' }, ['status']],
    [{ startDate: '2028-01-15' }, ['reason']],
    [{ startDate: '2028-09-01', endDate: '2028-08-01', reason: 'typo' }, ['endDate']],
  ])('refuses %j with 400 naming %j, changing nothing', async (body, fields) => {
    const before = await row(fellows[0].id);
    const res = await as(staff).patch(`/api/v1/fellows/${fellows[0].id}`).send(body);
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(fields);
    expect(await row(fellows[0].id)).toEqual(before);
  });

  it('lists the cohort’s fellows for staff only', async () => {
    const res = await as(staff).get(`/api/v1/cohorts/${cohortId}/fellows`).expect(200);
    expect(res.body.map((f: { id: string }) => f.id).sort()).toEqual(fellows.map((f) => f.id).sort());
    await as(an).get(`/api/v1/cohorts/${cohortId}/fellows`).expect(403);
  });
});
