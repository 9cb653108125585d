import { COMPLETE_SECTIONS, draftApplication } from '../support/applications';
import { openCohort } from '../support/cohorts';
import { minimalPdf } from '../support/documents';
import { type TestApp, createTestApp } from '../support/test-app';
import { type SignedIn, signIn } from '../support/users';

/** Issue 12: impossible answers are refused with a field error, and nothing is written. */
describe('Applications: impossible data refused', () => {
  let t: TestApp;
  let staff: SignedIn;
  let applicant: SignedIn;
  let cohortId: string;
  let appId: string;

  beforeAll(async () => {
    t = await createTestApp();
    staff = await signIn(t, ['staff'], 'staff');
    applicant = await signIn(t, ['applicant'], 'an');
    cohortId = (await openCohort(t, staff, 'VGBF Impossible', { closesInDays: 7 })).id;
    appId = await draftApplication(t, applicant, cohortId, COMPLETE_SECTIONS, { documents: false });
  });
  afterAll(() => t.close());

  const patch = (section: string, body: object) =>
    t.http.patch(`/api/v1/applications/${appId}/${section}`).set('authorization', applicant.bearer).send(body);
  const stored = async () => (await t.db.query(`SELECT * FROM applications WHERE id = $1`, [appId]))[0];
  const thisYear = new Date().getUTCFullYear();

  it.each([
    ['personal', { dateOfBirth: '1990-13-01' }, 'dateOfBirth'],
    ['personal', { dateOfBirth: '2027-02-30' }, 'dateOfBirth'],
    ['personal', { dateOfBirth: '0000-00-00' }, 'dateOfBirth'],
    ['personal', { dateOfBirth: '2035-05-05' }, 'dateOfBirth'],
    ['personal', { dateOfBirth: '1850-01-01' }, 'dateOfBirth'],
    ['personal', { dateOfBirth: `${thisYear - 5}-01-01` }, 'dateOfBirth'],
    ['personal', { citizenship: 'XX' }, 'citizenship'],
    ['personal', { fullName: '\u200B\u200B\u200B' }, 'fullName'],
    ['personal', { fullName: '\u0301 \u200D' }, 'fullName'],
    ['enterprise', { exportMarkets: ['JP', 'ZZ'] }, 'exportMarkets'],
    ['enterprise', { exportMarkets: ['JP', 'JP'] }, 'exportMarkets'],
    ['enterprise', { foundingYear: 1700 }, 'foundingYear'],
    ['enterprise', { foundingYear: thisYear + 1 }, 'foundingYear'],
    ['enterprise', { name: '\u200B' }, 'name'],
    ['languages', { english: { test: 'IELTS', score: 10 } }, 'english.score'],
    ['languages', { english: { test: 'IELTS', score: 6.3 } }, 'english.score'],
    ['languages', { english: { test: 'IELTS', score: 95 } }, 'english.score'],
    ['languages', { english: { test: 'TOEIC', score: 5 } }, 'english.score'],
    ['languages', { english: { test: 'TOEIC', score: 993 } }, 'english.score'],
    ['languages', { english: { test: 'TOEFL', score: 121 } }, 'english.score'],
    ['languages', { english: [] }, 'english'],
    ['languages', { topik: 7 }, 'topik'],
    [
      'referees',
      { referees: [{ name: '\u200B\u200C', email: 'x@example.vn', relation: 'Mentor' }] },
      'referees.0.name',
    ],
  ])('refuses %s %j with a field error on %s, and keeps the draft as it was', async (section, body, field) => {
    const before = await stored();
    const res = await patch(section, body).expect(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ field, code: expect.stringMatching(/^validation\./) })]);
    expect(await stored()).toEqual(before);
  });

  it('says the scale of the test in the error', async () => {
    const res = await patch('languages', { english: { test: 'IELTS', score: 6.3 } }).expect(400);
    expect(res.body.errors[0].message).toBe('score must be a IELTS result from 0 to 9 in steps of 0.5');
  });

  it('takes the real values at the edges of each range', async () => {
    await patch('personal', { dateOfBirth: '1992-02-29', citizenship: 'SG' }).expect(200);
    await patch('enterprise', { foundingYear: thisYear, exportMarkets: ['JP', 'KR', 'DE'] }).expect(200);
    await patch('languages', { english: { test: 'TOEIC', score: 990 }, topik: 6 }).expect(200);
    await patch('languages', { english: { test: 'IELTS', score: 8.5 } }).expect(200);
    await patch('personal', { citizenship: 'VN' }).expect(200);
  });

  it('refuses the applicant as their own referee, and the same referee twice', async () => {
    const before = await stored();
    const own = await patch('referees', {
      referees: [
        { name: 'Someone Else', email: applicant.email.toUpperCase(), relation: 'Friend' },
        { name: COMPLETE_SECTIONS.personal.fullName, email: 'other@example.vn', relation: 'Friend' },
      ],
    }).expect(400);
    expect(own.body.errors.map((e: { field: string }) => e.field)).toEqual(['referees.0.email', 'referees.1.name']);
    const twice = await patch('referees', {
      referees: [
        { name: 'Trần Thị Mai', email: 'mai@example.vn', relation: 'Mentor' },
        { name: 'Trần Thị Mai', email: 'mai@example.vn', relation: 'Investor' },
      ],
    }).expect(400);
    expect(twice.body.errors.map((e: { field: string }) => e.field)).toEqual(['referees.1.email', 'referees.1.name']);
    expect(await stored()).toEqual(before);
  });

  it('does not count an application complete on a language result no scale takes (stored before the rule)', async () => {
    await t.db.query(`UPDATE applications SET languages = '{"english": []}' WHERE id = $1`, [appId]);
    const res = await t.http.get(`/api/v1/applications/${appId}`).set('authorization', applicant.bearer).expect(200);
    expect(res.body.missing).toContain('languages');
    await patch('languages', { english: { test: 'IELTS', score: 7 } }).expect(200);
  });

  it('refuses to submit a date of birth stored before the rule (1990-13-01), naming the field', async () => {
    await t.http
      .post(`/api/v1/applications/${appId}/documents?kind=cv`)
      .set('authorization', applicant.bearer)
      .attach('file', minimalPdf(), 'cv.pdf')
      .expect(201);
    await t.http
      .post(`/api/v1/applications/${appId}/documents?kind=business_registration`)
      .set('authorization', applicant.bearer)
      .attach('file', minimalPdf(), 'reg.pdf')
      .expect(201);
    await t.db.query(`UPDATE applications SET personal = personal || '{"dateOfBirth": "1990-13-01"}' WHERE id = $1`, [
      appId,
    ]);
    const res = await t.http
      .post(`/api/v1/applications/${appId}/submit`)
      .set('authorization', applicant.bearer)
      .expect(422);
    expect(res.body.code).toBe('application_invalid');
    expect(res.body.errors).toEqual([
      expect.objectContaining({ field: 'personal.dateOfBirth', code: expect.stringMatching(/^validation\./) }),
    ]);
    expect((await stored()).status).toBe('draft');
    await patch('personal', { dateOfBirth: COMPLETE_SECTIONS.personal.dateOfBirth }).expect(200);
  });
});
