import { draftApplication } from '../support/applications';
import { openCohort } from '../support/cohorts';
import { type TestApp, createTestApp } from '../support/test-app';
import { type SignedIn, signIn } from '../support/users';

const REASON = 'Quá tuổi 2 tháng vì nằm viện; hội đồng đồng ý nhận hồ sơ';

/** Issue 13: staff override an application's eligibility with a reason (audited); the submission then goes through. */
describe('Applications: a manual eligibility override by staff', () => {
  let t: TestApp;
  let staff: SignedIn;
  let applicant: SignedIn;
  let appId: string;

  beforeAll(async () => {
    t = await createTestApp();
    staff = await signIn(t, ['staff'], 'staff');
    applicant = await signIn(t, ['applicant'], 'over-age');
    const cohortId = (await openCohort(t, staff, 'VGBF Override')).id;
    appId = await draftApplication(t, applicant, cohortId);
    // The complete application's applicant was born in 1992: a 30-year limit refuses them.
    await t.db.query(`UPDATE cohorts SET eligibility_rules = $2 WHERE id = $1`, [
      cohortId,
      JSON.stringify([{ code: 'max_age', params: { maxAge: 30 } }]),
    ]);
  }, 60_000);
  afterAll(() => t.close());

  const override = (body: object, who: SignedIn = staff, id = appId) =>
    t.http.post(`/api/v1/applications/${id}/eligibility-override`).set('authorization', who.bearer).send(body);
  const submit = () => t.http.post(`/api/v1/applications/${appId}/submit`).set('authorization', applicant.bearer);
  const overrides = async () => t.db.query<unknown[]>(`SELECT * FROM application_eligibility_overrides`);

  it('refuses the submission of an application that fails a rule', async () => {
    const res = await submit().expect(422);
    expect(res.body.code).toBe('not_eligible');
  });

  it('takes an override only from staff, only with a reason, and writes nothing otherwise', async () => {
    const empty = await override({ reason: ' \u200B' }).expect(400);
    expect(empty.body.errors).toEqual([
      { field: 'reason', message: 'reason is required', code: 'validation.is_visible_name', params: {} },
    ]);
    await override({}).expect(400);
    await override({ reason: 'x'.repeat(1001) }).expect(400);
    await override({ reason: REASON }, applicant).expect(403);
    await override({ reason: REASON }, staff, '00000000-0000-4000-8000-000000000000').expect(404);
    expect(await overrides()).toEqual([]);
    const [{ n }] = await t.db.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'application.eligibility_overridden'`,
    );
    expect(n).toBe(0);
  });

  it('records the override with its reason, audited, shows it to staff, and the submission then goes through', async () => {
    const res = await override({ reason: REASON }).expect(200);
    expect(res.body).toMatchObject({ reason: REASON, byName: expect.any(String) });
    const [audit] = await t.db.query(
      `SELECT actor_id, reason, after FROM audit_log WHERE action = 'application.eligibility_overridden' AND entity_id = $1`,
      [appId],
    );
    expect(audit).toMatchObject({ actor_id: staff.id, reason: REASON, after: { reason: REASON } });
    const panel = await t.http
      .get(`/api/v1/applications/${appId}/staff-panel`)
      .set('authorization', staff.bearer)
      .expect(200);
    expect(panel.body.eligibilityOverride).toMatchObject({ reason: REASON });

    await submit().expect(200);
    expect((await t.db.query(`SELECT status FROM applications WHERE id = $1`, [appId]))[0].status).toBe('submitted');
    // The applicant's own view does not carry staff's reason.
    const mine = await t.http.get(`/api/v1/applications/${appId}`).set('authorization', applicant.bearer).expect(200);
    expect(JSON.stringify(mine.body)).not.toContain('nằm viện');
  });
});
