import { draftApplication } from '../support/applications';
import { openCohort } from '../support/cohorts';
import { startReviewing } from '../support/committee';
import { type TestApp, createTestApp } from '../support/test-app';
import { type SignedIn, signIn } from '../support/users';

/** Issue 12: once its cohort moved on to reviewing, a draft is not submitted unless staff reopen it. */
describe('Applications: submission after the cohort moved on', () => {
  let t: TestApp;
  let staff: SignedIn;
  let applicant: SignedIn;
  let appId: string;

  beforeAll(async () => {
    t = await createTestApp();
    staff = await signIn(t, ['staff'], 'staff');
    applicant = await signIn(t, ['applicant'], 'an');
    const cohortId = (await openCohort(t, staff, 'VGBF Reopen', { closesInDays: 7 })).id;
    appId = await draftApplication(t, applicant, cohortId);
    await startReviewing(t, staff, cohortId);
  });
  afterAll(() => t.close());

  const row = async () => (await t.db.query(`SELECT * FROM applications WHERE id = $1`, [appId]))[0];
  const submit = () => t.http.post(`/api/v1/applications/${appId}/submit`).set('authorization', applicant.bearer);
  const reopen = (body: object, who: SignedIn = staff) =>
    t.http.post(`/api/v1/applications/${appId}/reopen-submission`).set('authorization', who.bearer).send(body);

  it('refuses the submission and edits of a draft whose cohort is reviewing, before its deadline, with a code', async () => {
    const before = await row();
    const res = await submit().expect(409);
    expect(res.body).toMatchObject({ code: 'cohort_not_open', cohortStatus: 'reviewing' });
    const edit = await t.http
      .patch(`/api/v1/applications/${appId}/personal`)
      .set('authorization', applicant.bearer)
      .send({ phone: '+84987654321' })
      .expect(409);
    expect(edit.body.code).toBe('cohort_not_open');
    expect(await row()).toEqual(before);
  });

  it('lets only staff reopen it, with a reason', async () => {
    await reopen({ reason: 'Hospital stay the week of the deadline' }, applicant).expect(403);
    const noReason = await reopen({ reason: '\u200B ' }).expect(400);
    expect(noReason.body.errors).toEqual([
      { field: 'reason', message: 'reason is required', code: 'validation.is_visible_name', params: {} },
    ]);
    await reopen({ reason: 'x', days: 31 }).expect(400);
    expect((await row()).submission_reopened_until).toBeNull();
  });

  it('reopens one application for some days, audited, and then takes its submission', async () => {
    const res = await reopen({ reason: 'Hospital stay the week of the deadline', days: 3 }).expect(200);
    const until = new Date(res.body.submissionReopenedUntil as string).getTime();
    expect(until - Date.now()).toBeGreaterThan(2.9 * 86_400_000);
    expect(until - Date.now()).toBeLessThan(3.1 * 86_400_000);
    const [audit] = await t.db.query(
      `SELECT actor_id, reason, after FROM audit_log WHERE action = 'application.submission_reopened' AND entity_id = $1`,
      [appId],
    );
    expect(audit).toMatchObject({ actor_id: staff.id, reason: 'Hospital stay the week of the deadline' });
    await submit().expect(200);
    expect((await row()).status).toBe('submitted');
  });

  it('has nothing to reopen once submitted', async () => {
    const res = await reopen({ reason: 'Again' }).expect(409);
    expect(res.body.code).toBe('nothing_to_reopen');
  });

  it('stops taking the draft when the reopening runs out', async () => {
    const other = await signIn(t, ['applicant'], 'binh');
    const staffCohort = (await openCohort(t, staff, 'VGBF Reopen Expired', { closesInDays: 7 })).id;
    const id = await draftApplication(t, other, staffCohort);
    await startReviewing(t, staff, staffCohort);
    await t.db.query(`UPDATE applications SET submission_reopened_until = now() - interval '1 minute' WHERE id = $1`, [
      id,
    ]);
    const res = await t.http.post(`/api/v1/applications/${id}/submit`).set('authorization', other.bearer).expect(409);
    expect(res.body.code).toBe('cohort_not_open');
  });
});
