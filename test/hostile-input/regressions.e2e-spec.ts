import { minimalPdf } from '../support/documents';
import { openCohort } from '../support/cohorts';
import { draftApplication } from '../support/applications';
import { createFellows, createMilestones } from '../support/programme';
import { logIn } from '../support/selection';
import { type TestApp, createTestApp } from '../support/test-app';
import { type SignedIn, signIn } from '../support/users';

const PROBLEM = /^application\/problem\+json/;
const fields = (body: { errors?: Array<{ field: string }> }): string[] => (body.errors ?? []).map((e) => e.field);

/** The hostile inputs that answered 500 (issue 12), each now a 400 problem that changes nothing. */
describe('Hostile input regressions', () => {
  let t: TestApp;
  let staff: SignedIn;
  let applicant: SignedIn;
  let cohortId: string;
  let applicationId: string;

  const row = async (sql: string, id: string): Promise<unknown> => (await t.db.query(sql, [id]))[0];

  beforeAll(async () => {
    t = await createTestApp();
    staff = await signIn(t, ['staff']);
    applicant = await signIn(t, ['applicant']);
    cohortId = (await openCohort(t, staff, 'VGBF 2027')).id;
    applicationId = await draftApplication(t, applicant, cohortId, {}, { documents: false });
  });
  afterAll(() => t.close());

  it('a NUL in an application section is a 400 naming the field, and the draft is unchanged', async () => {
    const before = await row(`SELECT personal, updated_at FROM applications WHERE id = $1`, applicationId);
    const res = await t.http
      .patch(`/api/v1/applications/${applicationId}/personal`)
      .set('authorization', applicant.bearer)
      .send({ fullName: 'Nguyễn\u0000Văn An', province: 'Hà Nội' })
      .expect(400)
      .expect('content-type', PROBLEM);
    expect(fields(res.body)).toEqual(['fullName']);
    expect(await row(`SELECT personal, updated_at FROM applications WHERE id = $1`, applicationId)).toEqual(before);
  });

  it('a NUL in a cohort name is a 400, creating or renaming', async () => {
    const before = await row(`SELECT name, updated_at FROM cohorts WHERE id = $1`, cohortId);
    const rename = await t.http
      .patch(`/api/v1/cohorts/${cohortId}`)
      .set('authorization', staff.bearer)
      .send({ name: 'VGBF\u00002028' })
      .expect(400);
    expect(fields(rename.body)).toEqual(['name']);
    const create = await t.http
      .post('/api/v1/cohorts')
      .set('authorization', staff.bearer)
      .send({ name: 'VGBF\u00002028', year: 2028 })
      .expect(400);
    expect(fields(create.body)).toContain('name');
    expect(await row(`SELECT name, updated_at FROM cohorts WHERE id = $1`, cohortId)).toEqual(before);
    expect((await t.db.query(`SELECT count(*)::int AS n FROM cohorts`))[0].n).toBe(1);
  });

  it('a NUL or an unpaired surrogate in PATCH /me is a 400, the account unchanged', async () => {
    const before = await row(`SELECT full_name, updated_at FROM users WHERE id = $1`, applicant.id);
    const nul = await t.http.patch('/api/v1/me').set('authorization', applicant.bearer).send({ fullName: 'An\u0000' });
    expect([nul.status, fields(nul.body)]).toEqual([400, ['fullName']]);
    // Sent as the JSON escape: UTF-8 bytes cannot carry a lone surrogate.
    const surrogate = await t.http
      .patch('/api/v1/me')
      .set('authorization', applicant.bearer)
      .set('content-type', 'application/json')
      .send('{"fullName":"An\\ud800"}');
    expect([surrogate.status, fields(surrogate.body)]).toEqual([400, ['fullName']]);
    expect(surrogate.headers['content-type']).toMatch(PROBLEM);
    expect(await row(`SELECT full_name, updated_at FROM users WHERE id = $1`, applicant.id)).toEqual(before);
  });

  it('a NUL in an anonymous registration is a 400 and creates no account', async () => {
    const count = async () => (await t.db.query(`SELECT count(*)::int AS n FROM users`))[0].n as number;
    const before = await count();
    const res = await t.http
      .post('/api/v1/auth/register')
      .send({ email: 'lan@example.vn', password: 'Sông Hương chiều 2027!', fullName: 'Trần\u0000Lan' })
      .expect(400)
      .expect('content-type', PROBLEM);
    expect(fields(res.body)).toEqual(['fullName']);
    expect(await count()).toBe(before);
  });

  it.each([2_000, 5_000])('JSON nested %i levels on the anonymous login is a 400, not a 500', async (levels) => {
    const res = await t.http
      .post('/api/v1/auth/login')
      .set('content-type', 'application/json')
      .send(`{"email":${'['.repeat(levels)}${']'.repeat(levels)}}`)
      .expect(400)
      .expect('content-type', PROBLEM);
    expect(res.body.code).toBe('json_too_deep');
  });

  it.each(['1e308', '10001', '-1', 'NaN', '0x10'])('page=%s of the staff list is a 400 naming page', async (page) => {
    const res = await t.http
      .get(`/api/v1/applications?cohortId=${cohortId}&page=${page}`)
      .set('authorization', staff.bearer)
      .expect(400)
      .expect('content-type', PROBLEM);
    expect(fields(res.body)).toEqual(['page']);
  });

  it('a null JSON body does not run a body-less action (withdraw)', async () => {
    const res = await t.http
      .post(`/api/v1/applications/${applicationId}/withdraw`)
      .set('authorization', applicant.bearer)
      .set('content-type', 'application/json')
      .send('null')
      .expect(400);
    expect(res.body.code).toBe('json_body_not_object');
    expect(await row(`SELECT status FROM applications WHERE id = $1`, applicationId)).toEqual({ status: 'draft' });
  });

  it('a NUL in a multipart text field (milestone evidence) is a 400 naming it, nothing stored', async () => {
    const [fellow] = await createFellows(t, cohortId, staff, [{}]);
    const [milestoneId] = await createMilestones(t, fellow.id, [{ code: 'plan', dueOn: '2027-10-01' }]);
    const res = await t.http
      .post(`/api/v1/milestones/${milestoneId}/submissions`)
      .set('authorization', (await logIn(t, fellow.email)).bearer)
      .field('text', 'Kế hoạch\u0000')
      .attach('file', minimalPdf('plan'), { filename: 'plan\u0000.pdf', contentType: 'application/pdf' })
      .expect(400)
      .expect('content-type', PROBLEM);
    expect(fields(res.body)).toEqual(['text']);
    expect(await row(`SELECT state FROM milestones WHERE id = $1`, milestoneId)).toEqual({ state: 'open' });
  });

  it('a NUL in a cell of the mentor CSV rejects that row by line and column; the good row is imported', async () => {
    const header =
      'email,full_name,language,organisation,title,sectors,expertise,languages,city,time_zone,capacity,available_from,available_to';
    const row = (email: string, name: string) => `${email},${name},vi,,,technology,legal,vi,,Asia/Ho_Chi_Minh,2,,`;
    const csv = `${header}\r\n${row('good.mentor@example.vn', 'Lê Văn Tốt')}\r\n${row('bad.mentor@example.vn', 'Lê\u0000Xấu')}\r\n`;
    const res = await t.http
      .post('/api/v1/mentors/import')
      .set('authorization', staff.bearer)
      .attach('file', Buffer.from(csv, 'utf8'), { filename: 'mentors.csv', contentType: 'text/csv' });
    expect(res.status).toBeLessThan(300);
    expect(res.body.imported).toBe(1);
    expect(res.body.rejected).toHaveLength(1);
    expect(fields(res.body.rejected[0])).toEqual(['full_name']);
    const emails = await t.db.query(`SELECT email FROM users WHERE email LIKE '%.mentor@example.vn'`);
    expect(emails).toEqual([{ email: 'good.mentor@example.vn' }]);
  });
});
