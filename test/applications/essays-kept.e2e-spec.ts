import { COMPLETE_SECTIONS, draftApplication } from '../support/applications';
import { openCohort } from '../support/cohorts';
import { type TestApp, createTestApp } from '../support/test-app';
import { type SignedIn, signIn } from '../support/users';

/** Issue 12: a draft keeps whatever was typed; only submission enforces the essays' limits. */
describe('Applications: typed text is never lost', () => {
  let t: TestApp;
  let applicant: SignedIn;
  let appId: string;

  beforeAll(async () => {
    t = await createTestApp();
    const staff = await signIn(t, ['staff'], 'staff');
    applicant = await signIn(t, ['applicant'], 'an');
    const cohortId = (await openCohort(t, staff, 'VGBF Essays', { closesInDays: 7 })).id;
    appId = await draftApplication(t, applicant, cohortId);
  });
  afterAll(() => t.close());

  const essays = async () =>
    (await t.db.query(`SELECT essays FROM applications WHERE id = $1`, [appId]))[0].essays as Record<string, string>;
  const pasted = `${'Cà phê Việt Nam đi Nhật. '.repeat(400)}`.slice(0, 10_000);

  it('saves a pasted 10,000-character essay as typed, answering 200 with the field flagged', async () => {
    const res = await t.http
      .patch(`/api/v1/applications/${appId}/essays`)
      .set('authorization', applicant.bearer)
      .send({ motivation: pasted })
      .expect(200);
    expect(res.body.flags).toEqual([
      {
        field: 'essays.motivation',
        code: 'over_word_limit',
        words: pasted.trim().split(/\s+/u).length,
        maxWords: 500,
        message: expect.stringContaining('at most 500'),
      },
    ]);
    expect(res.body.complete).toBe(false);
    expect((await essays()).motivation).toBe(pasted);
    // A reload reads it back whole, still flagged.
    const again = await t.http.get(`/api/v1/applications/${appId}`).set('authorization', applicant.bearer).expect(200);
    expect(again.body.essays.motivation).toBe(pasted);
    expect(again.body.flags.map((f: { field: string }) => f.field)).toEqual(['essays.motivation']);
  });

  it('refuses to submit while an essay is over its limit, with a field error, and submits once it fits', async () => {
    const res = await t.http
      .post(`/api/v1/applications/${appId}/submit`)
      .set('authorization', applicant.bearer)
      .expect(422);
    expect(res.body).toMatchObject({
      code: 'application_invalid',
      errors: [{ field: 'essays.motivation', message: expect.stringContaining('at most 500') }],
    });
    expect((await t.db.query(`SELECT status FROM applications WHERE id = $1`, [appId]))[0].status).toBe('draft');

    const fixed = await t.http
      .patch(`/api/v1/applications/${appId}/essays`)
      .set('authorization', applicant.bearer)
      .send({ motivation: COMPLETE_SECTIONS.essays.motivation })
      .expect(200);
    expect(fixed.body).toMatchObject({ flags: [], complete: true });
    await t.http.post(`/api/v1/applications/${appId}/submit`).set('authorization', applicant.bearer).expect(200);
  });
});
