import type { INestApplicationContext } from '@nestjs/common';
import { COMPLETE_SECTIONS, draftApplication } from '../support/applications';
import { Inbox } from '../support/inbox';
import { openCohort } from '../support/cohorts';
import { type TestApp, createTestApp } from '../support/test-app';
import { startTestWorker } from '../support/test-worker';
import { type SignedIn, signIn } from '../support/users';

const COMPLETE = COMPLETE_SECTIONS;

describe('Submitting an application', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let staff: SignedIn;
  let cohortId: string;
  const inbox = new Inbox();

  beforeAll(async () => {
    t = await createTestApp();
    worker = await startTestWorker(t.env);
    staff = await signIn(t, ['staff'], 'staff');
    cohortId = (await openCohort(t, staff, 'VGBF Submit', { closesInDays: 10 })).id;
  });
  afterAll(async () => {
    await worker?.close();
    await t.close();
  });

  const draft = (who: SignedIn, sections: Partial<typeof COMPLETE> = COMPLETE, options?: { documents?: boolean }) =>
    draftApplication(t, who, cohortId, sections, options);
  const submit = (who: SignedIn, id: string, key?: string) => {
    const req = t.http.post(`/api/v1/applications/${id}/submit`).set('authorization', who.bearer);
    return key ? req.set('idempotency-key', key) : req;
  };

  it('submits once for two requests with one Idempotency-Key: one submission, one confirmation email', async () => {
    const an = await signIn(t, ['applicant'], 'an');
    const id = await draft(an);
    const key = 'submit-0f8c2b7e-5d1a';
    const [first, second] = await Promise.all([submit(an, id, key), submit(an, id, key)]);
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(first.body).toMatchObject({ status: 'submitted' });
    expect(second.body.submittedAt).toBe(first.body.submittedAt);
    const third = await submit(an, id, key).expect(200);
    expect(third.body.status).toBe('submitted');
    await submit(an, id, 'another-key-123').expect(409);

    const mails = await inbox.waitFor(an.email, 1);
    await new Promise((r) => setTimeout(r, 1500));
    const confirmations = (await inbox.emailsTo(an.email)).filter((m) => m.subject.includes('VGBF Submit'));
    expect(confirmations).toHaveLength(1);
    expect(mails[0]?.subject).toBe('Your VGBF Submit application is in');
    const history = await t.http.get(`/api/v1/applications/${id}/history`).set('authorization', an.bearer).expect(200);
    expect(history.body.map((h: { from: string; to: string }) => `${h.from}→${h.to}`)).toEqual(['draft→submitted']);
    // Submitted applications no longer change.
    const edit = await t.http
      .patch(`/api/v1/applications/${id}/personal`)
      .set('authorization', an.bearer)
      .send({ phone: '+84987654321' })
      .expect(409);
    expect(edit.body.code).toBe('application_not_editable');
  });

  it('refuses an incomplete application with 422 listing the missing fields', async () => {
    const binh = await signIn(t, ['applicant'], 'binh');
    const id = await draft(binh, { personal: COMPLETE.personal });
    const res = await submit(binh, id).expect(422);
    expect(res.body.code).toBe('application_incomplete');
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(
      expect.arrayContaining(['enterprise.taxCode', 'referees.1']),
    );
    const [row] = await t.db.query(`SELECT status FROM applications WHERE id = $1`, [id]);
    expect(row.status).toBe('draft');
  });

  it('gives an ineligible applicant the failing rules with their reasons, and keeps the draft', async () => {
    const chi = await signIn(t, ['applicant'], 'chi');
    const id = await draft(chi, {
      ...COMPLETE,
      personal: { ...COMPLETE.personal, dateOfBirth: '1975-01-01', citizenship: 'SG' },
    });
    const res = await submit(chi, id).expect(422);
    expect(res.body.code).toBe('not_eligible');
    expect(res.body.rules.map((r: { code: string }) => r.code)).toEqual(['max_age', 'vietnamese_citizen']);
    expect(res.body.detail).toMatch(/at most 40 years old/);
    // The facts each rule was judged on, so the page can say it in the applicant's language.
    expect(res.body.rules[0].params).toEqual({ maxAge: 40, age: expect.any(Number) });
    expect(res.body.rules[0].params.age).toBeGreaterThan(40);
    expect(res.body.rules[1].params).toEqual({ citizenship: 'SG' });
  });

  it('lets the applicant withdraw, with the reason in the history, and not twice', async () => {
    const dung = await signIn(t, ['applicant'], 'dung');
    const id = await draft(dung);
    await submit(dung, id).expect(200);
    await t.http
      .post(`/api/v1/applications/${id}/withdraw`)
      .set('authorization', dung.bearer)
      .send({ reason: 'Gia đình có việc' })
      .expect(200);
    const again = await t.http
      .post(`/api/v1/applications/${id}/withdraw`)
      .set('authorization', dung.bearer)
      .send({})
      .expect(409);
    expect(again.body.code).toBe('illegal_application_transition');
    const history = await t.http
      .get(`/api/v1/applications/${id}/history`)
      .set('authorization', staff.bearer)
      .expect(200);
    expect(history.body.map((h: { to: string; reason: string | null }) => [h.to, h.reason])).toEqual([
      ['submitted', null],
      ['withdrawn', 'Gia đình có việc'],
    ]);
  });

  it('refuses a submit after the deadline, naming it in Vietnam time, and a bad Idempotency-Key', async () => {
    const em = await signIn(t, ['applicant'], 'em');
    const id = await draft(em);
    await submit(em, id, 'x').expect(400);
    await t.db.query(`UPDATE cohorts SET application_closes_at = now() - interval '1 second' WHERE id = $1`, [
      cohortId,
    ]);
    const res = await submit(em, id).expect(409);
    expect(res.body).toMatchObject({ code: 'deadline_passed' });
    expect(res.body.detail).toMatch(/\(GMT\+7\)/);
    const other = await signIn(t, ['applicant'], 'gia');
    await t.http.get(`/api/v1/applications/${id}/history`).set('authorization', other.bearer).expect(404);
  });
});
