import { openCohort } from '../support/cohorts';
import { uploadRequiredDocuments } from '../support/documents';
import { type TestApp, createTestApp } from '../support/test-app';
import { type SignedIn, signIn } from '../support/users';

describe('Applications: drafts saved section by section', () => {
  let t: TestApp;
  let staff: SignedIn;
  let applicant: SignedIn;
  let other: SignedIn;
  let cohortId: string;
  let appId: string;

  beforeAll(async () => {
    t = await createTestApp();
    staff = await signIn(t, ['staff'], 'staff');
    applicant = await signIn(t, ['applicant'], 'an');
    other = await signIn(t, ['applicant'], 'binh');
    cohortId = (await openCohort(t, staff, 'VGBF Drafts', { closesInDays: 7 })).id;
  });
  afterAll(() => t.close());

  const patch = (section: string, body: object, who: SignedIn = applicant) =>
    t.http.patch(`/api/v1/applications/${appId}/${section}`).set('authorization', who.bearer).send(body);
  const stored = async () => (await t.db.query(`SELECT * FROM applications WHERE id = $1`, [appId]))[0];

  it('starts one draft per applicant per cohort', async () => {
    const res = await t.http
      .post(`/api/v1/cohorts/${cohortId}/applications`)
      .set('authorization', applicant.bearer)
      .expect(201);
    appId = res.body.id as string;
    expect(res.body).toMatchObject({ status: 'draft', complete: false });
    expect(res.body.missing).toContain('personal.fullName');
    const again = await t.http
      .post(`/api/v1/cohorts/${cohortId}/applications`)
      .set('authorization', applicant.bearer)
      .expect(409);
    expect(again.body).toMatchObject({ code: 'application_exists', applicationId: appId });
  });

  it('saves a section partially, then more of it later, and shows what is still missing', async () => {
    await patch('personal', { fullName: 'Nguyễn Văn An', phone: '+84912345678' }).expect(200);
    const res = await patch('personal', { province: 'Đà Nẵng', dateOfBirth: '1992-05-17' }).expect(200);
    expect(res.body.personal).toEqual({
      fullName: 'Nguyễn Văn An',
      phone: '+84912345678',
      province: 'Đà Nẵng',
      dateOfBirth: '1992-05-17',
    });
    expect(res.body.region).toBe('Central');
    expect(res.body.missing.filter((f: string) => f.startsWith('personal.'))).toEqual([
      'personal.gender',
      'personal.citizenship',
    ]);
    expect((await stored()).region).toBe('Central');
  });

  it('clears a field sent as null (an emptied input), the derived region with the province', async () => {
    await patch('personal', { phone: null, province: null }).expect(200);
    expect((await stored()).region).toBeNull();
    const cleared = await t.http.get(`/api/v1/applications/${appId}`).set('authorization', applicant.bearer);
    expect(cleared.body.missing).toEqual(expect.arrayContaining(['personal.phone', 'personal.province']));
    const res = await patch('personal', { phone: '+84912345678', province: 'Đà Nẵng' }).expect(200);
    expect(res.body.region).toBe('Central');
  });

  it('fills every section and uploads the two documents until nothing is missing', async () => {
    await patch('personal', { gender: 'male', citizenship: 'VN' }).expect(200);
    await patch('enterprise', {
      name: 'Công ty TNHH Cà Phê Tây Nguyên',
      taxCode: '0101234567-001',
      foundingYear: 2018,
      sector: 'agriculture_food',
      employeesBand: '10-49',
      revenueBand: '3-50bn',
      exportMarkets: ['JP', 'KR'],
    }).expect(200);
    await patch('languages', { english: { test: 'IELTS', score: 7 }, jlpt: 'N3' }).expect(200);
    await patch('hubs', { ranking: ['JP', 'SG', 'KR'] }).expect(200);
    await patch('essays', {
      motivation: 'Tôi muốn đưa cà phê Việt ra thế giới.',
      marketEntryPlan: 'Kế hoạch…',
      ambassador: 'Kết nối…',
    }).expect(200);
    const res = await patch('referees', {
      referees: [
        { name: 'Trần Thị Mai', email: 'mai@example.vn', relation: 'Former manager' },
        { name: 'John Doe', email: 'john@example.com', relation: 'Business partner' },
      ],
    }).expect(200);
    expect(res.body).toMatchObject({
      missing: ['documents.cv', 'documents.businessRegistration'],
      complete: false,
      hubPreferences: ['JP', 'SG', 'KR'],
    });
    await uploadRequiredDocuments(t, applicant, appId);
    const view = await t.http.get(`/api/v1/applications/${appId}`).set('authorization', applicant.bearer).expect(200);
    expect(view.body).toMatchObject({ missing: [], complete: true });
    expect(view.body.documents.map((d: { kind: string }) => d.kind)).toEqual(['cv', 'business_registration']);
  });

  it.each([
    ['enterprise', { taxCode: '12345' }, 'taxCode'],
    ['enterprise', { taxCode: '0101234567001' }, 'taxCode'],
    ['personal', { phone: '0912345678' }, 'phone'],
    ['personal', { province: 'Atlantis' }, 'province'],
    ['hubs', { ranking: ['JP', 'JP'] }, 'ranking'],
    ['hubs', { ranking: ['JP', 'MARS'] }, 'ranking.1'],
    ['referees', { referees: [{ name: 'A', email: 'not-an-email', relation: 'x' }] }, 'referees.0.email'],
    ['languages', { jlpt: 'N6' }, 'jlpt'],
  ])('refuses bad %s input %j with one 400 field error (%s) and saves nothing', async (section, body, field) => {
    const before = await stored();
    const res = await patch(section, body).expect(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ field, code: expect.stringMatching(/^validation\./) })]);
    const after = await stored();
    expect(after.updated_at).toEqual(before.updated_at);
  });

  it('keeps another applicant out: reading or changing it is a 404', async () => {
    await t.http.get(`/api/v1/applications/${appId}`).set('authorization', other.bearer).expect(404);
    await patch('personal', { fullName: 'Hacker' }, other).expect(404);
    expect((await stored()).personal.fullName).toBe('Nguyễn Văn An');
    await t.http.get(`/api/v1/applications/${appId}`).set('authorization', applicant.bearer).expect(200);
    await t.http.get(`/api/v1/applications/${appId}`).set('authorization', staff.bearer).expect(200);
    const mine = await t.http.get('/api/v1/applications/mine').set('authorization', other.bearer).expect(200);
    expect(mine.body).toEqual([]);
  });

  it('refuses edits after the deadline, giving it in Vietnam time', async () => {
    await t.db.query(`UPDATE cohorts SET application_closes_at = now() - interval '1 minute' WHERE id = $1`, [
      cohortId,
    ]);
    const res = await patch('personal', { fullName: 'Too late' }).expect(409);
    expect(res.body.code).toBe('deadline_passed');
    expect(res.body.detail).toMatch(/closed at \d{4}-\d{2}-\d{2} \d{2}:\d{2} \(GMT\+7\)/);
    const start = await t.http
      .post(`/api/v1/cohorts/${cohortId}/applications`)
      .set('authorization', other.bearer)
      .expect(409);
    expect(start.body.code).toBe('deadline_passed');
  });
});
