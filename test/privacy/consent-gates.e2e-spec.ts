import type { INestApplicationContext } from '@nestjs/common';
import { DEADLINE_FAMILY } from '@vgbf/applications';
import { ConsentLedger, PURPOSES, type Purpose } from '@vgbf/personal-data';
import { submittedApplications, startReviewing } from '../support/committee';
import { draftApplication } from '../support/applications';
import { openCohort } from '../support/cohorts';
import { uniqueEmail } from '../support/inbox';
import { createFellows, createMentor, logInFellow } from '../support/programme';
import { type TestApp, createTestApp } from '../support/test-app';
import { startTestWorker } from '../support/test-worker';
import { type SignedIn, TEST_PASSWORD, signIn } from '../support/users';
import { FamilyRun } from '../notifications/family-setup';

const DAY = 86_400_000;
const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0 Safari/537.36';

/**
 * Issue 17, notices and consents: a person registers and consents to some purposes only; a processing
 * that needs a missing consent does not happen; withdrawing a consent stops what depends on it — one
 * test per purpose, on the real API, PostgreSQL and the reminder pipeline.
 */
describe('Consent gates: one per purpose', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let staff: SignedIn;
  let cohortId: string;
  let closesAt: number;

  const as = (who: SignedIn) => ({
    get: (url: string) => t.http.get(url).set('authorization', who.bearer),
    post: (url: string) => t.http.post(url).set('authorization', who.bearer).set('user-agent', BROWSER),
  });
  const withdraw = (who: SignedIn, purpose: Purpose) =>
    as(who).post('/api/v1/privacy/consents/mine').send({ purpose, action: 'withdraw' }).expect(200);
  const give = (who: SignedIn, purpose: Purpose) =>
    as(who).post('/api/v1/privacy/consents/mine').send({ purpose, action: 'give' }).expect(200);

  /** Registers through the real form with these purposes ticked, confirms the address, signs in. */
  async function register(label: string, consents: Purpose[]): Promise<SignedIn> {
    const email = uniqueEmail(label);
    await t.http
      .post('/api/v1/auth/register')
      .set('user-agent', BROWSER)
      .send({ email, password: TEST_PASSWORD, fullName: `Người Đăng Ký ${label}`, language: 'vi', consents })
      .expect(202);
    // The verification link's own flow has its tests (test/identity); here the address is confirmed directly.
    await t.db.query(`UPDATE users SET email_verified_at = now() WHERE email = $1`, [email]);
    const login = await t.http.post('/api/v1/auth/login').send({ email, password: TEST_PASSWORD }).expect(200);
    const [{ id }] = await t.db.query(`SELECT id FROM users WHERE email = $1`, [email]);
    return { id, email, bearer: `Bearer ${login.body.token as string}`, cookie: '', csrf: '' };
  }

  beforeAll(async () => {
    t = await createTestApp();
    worker = await startTestWorker(t.env);
    staff = await signIn(t, ['staff'], 'staff');
    const cohort = await openCohort(t, staff, 'VGBF Consents', { closesInDays: 20 });
    cohortId = cohort.id;
    closesAt = cohort.closesAt;
  }, 60_000);
  afterAll(async () => {
    await worker?.close();
    await t.close();
  });

  it('registration records the purposes ticked, each under its notice, with channel and device; the others stay unanswered', async () => {
    const notices = await t.http.get('/api/v1/privacy/notices').expect(200);
    expect(notices.body.map((n: { purpose: string }) => n.purpose)).toEqual([...PURPOSES]);
    for (const n of notices.body) {
      expect(n.version).toBe(1);
      expect(n.bodyVi).toContain('Chương trình Vietnam Global Biz Fellows');
      expect(n.bodyEn).toContain('Vietnam Global Biz Fellows programme');
    }
    expect(
      notices.body
        .filter((n: { requiredToApply: boolean }) => n.requiredToApply)
        .map((n: { purpose: string }) => n.purpose),
    ).toEqual(['application']);

    const lan = await register('lan', ['application', 'communications']);
    const mine = await as(lan).get('/api/v1/privacy/consents/mine').expect(200);
    const state = Object.fromEntries(
      mine.body.consents.map((c: { purpose: string; state: string }) => [c.purpose, c.state]),
    );
    expect(state).toEqual({
      application: 'given',
      review: 'none',
      abroad: 'none',
      alumni_directory: 'none',
      communications: 'given',
      marketing: 'none',
    });
    expect(mine.body.history).toHaveLength(2);
    for (const e of mine.body.history)
      expect(e).toMatchObject({
        action: 'given',
        noticeVersion: 1,
        channel: 'registration',
        userAgent: BROWSER,
        recordedBy: lan.id,
      });
    // Bad input: an unknown purpose refuses the registration and writes nothing.
    const email = uniqueEmail('bad');
    const bad = await t.http
      .post('/api/v1/auth/register')
      .send({ email, password: TEST_PASSWORD, fullName: 'Sai Mục Đích', consents: ['application', 'selling'] })
      .expect(400);
    expect(bad.headers['content-type']).toMatch(/problem\+json/);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['consents']);
    expect(await t.db.query(`SELECT 1 FROM users WHERE email = $1`, [email])).toHaveLength(0);
  });

  it("'application': no application is started without it, and a draft is not submitted once it is withdrawn", async () => {
    const minh = await register('minh', ['communications']);
    const refused = await as(minh).post(`/api/v1/cohorts/${cohortId}/applications`).expect(409);
    expect(refused.headers['content-type']).toMatch(/problem\+json/);
    expect(refused.body).toMatchObject({ code: 'consent_missing', params: { purpose: 'application' } });
    expect(await t.db.query(`SELECT 1 FROM applications WHERE applicant_id = $1`, [minh.id])).toHaveLength(0);

    await give(minh, 'application');
    const draftId = await draftApplication(t, minh, cohortId);
    await withdraw(minh, 'application');
    const submit = await as(minh).post(`/api/v1/applications/${draftId}/submit`).expect(409);
    expect(submit.body.code).toBe('consent_missing');
    const [row] = await t.db.query(`SELECT status FROM applications WHERE id = $1`, [draftId]);
    expect(row.status).toBe('draft');
    // Consenting again lets the same draft go.
    await give(minh, 'application');
    await as(minh).post(`/api/v1/applications/${draftId}/submit`).expect(200);
  });

  it("'review': reviewers are not given the application of a person without it (auto and by hand), and staff see why", async () => {
    const reviewing = (await openCohort(t, staff, 'VGBF Consents Review', { closesInDays: 10 })).id;
    const reviewers: SignedIn[] = [];
    for (let i = 0; i < 3; i++) reviewers.push(await signIn(t, ['reviewer'], `rev${i}`));
    const apps = await submittedApplications(t, reviewing, 4);
    await startReviewing(t, staff, reviewing);
    // Applicant 0 withdraws the consent to sharing with reviewers.
    await withdraw(apps[0].applicant, 'review');
    const run = await as(staff).post(`/api/v1/cohorts/${reviewing}/assignments/auto`).send({}).expect(200);
    expect(run.body.applications).toBe(3);
    expect(run.body.withoutReviewConsent).toEqual([{ applicationId: apps[0].id, applicantName: expect.any(String) }]);
    const assigned = async (applicationId: string) =>
      (await t.db.query(`SELECT reviewer_id FROM review_assignments WHERE application_id = $1`, [applicationId]))
        .length;
    expect(await assigned(apps[0].id)).toBe(0);
    expect(await assigned(apps[1].id)).toBeGreaterThan(0);
    const byHand = await as(staff)
      .post(`/api/v1/cohorts/${reviewing}/assignments`)
      .send({ applicationId: apps[0].id, reviewerId: reviewers[0].id })
      .expect(409);
    expect(byHand.body).toMatchObject({ code: 'consent_missing', params: { purpose: 'review' } });
    expect(await assigned(apps[0].id)).toBe(0);

    // Withdrawing after assignment: the next run takes the unreviewed assignments back, audited.
    await withdraw(apps[1].applicant, 'review');
    const again = await as(staff).post(`/api/v1/cohorts/${reviewing}/assignments/auto`).send({}).expect(200);
    expect(again.body.withoutReviewConsent.map((a: { applicationId: string }) => a.applicationId).sort()).toEqual(
      [apps[0].id, apps[1].id].sort(),
    );
    expect(await assigned(apps[1].id)).toBe(0);
    const audit = await t.db.query(
      `SELECT 1 FROM audit_log WHERE action = 'assignment.withdrawn' AND entity_id = $1 AND reason = 'consent_missing'`,
      [apps[1].id],
    );
    expect(audit.length).toBeGreaterThan(0);
    // Consenting again puts the application back in the plan.
    await give(apps[0].applicant, 'review');
    await as(staff).post(`/api/v1/cohorts/${reviewing}/assignments/auto`).send({}).expect(200);
    expect(await assigned(apps[0].id)).toBeGreaterThan(0);
  });

  it("'abroad': a fellow without it is left out of the placement proposal, and a withdrawal after the proposal stops its confirmation", async () => {
    const programme = (await openCohort(t, staff, 'VGBF Consents Abroad', { closesInDays: 10 })).id;
    const fellows = await createFellows(t, programme, staff, [{}, {}, {}]);
    const sessions = await Promise.all(fellows.map((f) => logInFellow(t, f)));
    await withdraw(sessions[0], 'abroad');
    const placement = `/api/v1/cohorts/${programme}/placement`;
    const proposal = await as(staff).post(`${placement}/proposals`).send({}).expect(201);
    const placed = proposal.body.placements.map((p: { fellowId: string }) => p.fellowId);
    expect(placed.sort()).toEqual([fellows[1].id, fellows[2].id].sort());
    const overview = await as(staff).get(placement).expect(200);
    const flags = Object.fromEntries(
      overview.body.fellows.map((f: { id: string; abroadConsent: boolean }) => [f.id, f.abroadConsent]),
    );
    expect(flags).toEqual({ [fellows[0].id]: false, [fellows[1].id]: true, [fellows[2].id]: true });

    // Fellow 1 withdraws after the proposal: confirming it would transfer their data abroad — refused, nothing placed.
    await withdraw(sessions[1], 'abroad');
    const confirm = await as(staff).post(`${placement}/proposals/${proposal.body.id}/confirm`).expect(409);
    expect(['proposal_stale', 'placement_stale', 'consent_missing']).toContain(confirm.body.code);
    const hubs = await t.db.query(
      `SELECT count(*)::int AS n FROM fellows WHERE cohort_id = $1 AND hub_id IS NOT NULL`,
      [programme],
    );
    expect(hubs[0].n).toBe(0);
  });

  it("'abroad': a fellow without it is never paired with a mentor abroad, only with one in Vietnam", async () => {
    const programme = (await openCohort(t, staff, 'VGBF Consents Mentors', { closesInDays: 10 })).id;
    const fellows = await createFellows(t, programme, staff, [{}, {}], 'pairfellow');
    const sessions = await Promise.all(fellows.map((f) => logInFellow(t, f)));
    const tokyo = await createMentor(
      t,
      { fullName: 'Kenji Sato', city: 'Tokyo', timeZone: 'Asia/Tokyo', capacity: 2 },
      'tokyo',
    );
    const hanoi = await createMentor(
      t,
      { fullName: 'Trần Hà', city: 'Hanoi', timeZone: 'Asia/Ho_Chi_Minh', capacity: 1 },
      'hanoi',
    );
    await withdraw(sessions[0], 'abroad');
    const proposal = await as(staff).post(`/api/v1/cohorts/${programme}/matching/proposals`).send({}).expect(201);
    const mentorOf = Object.fromEntries(
      proposal.body.pairs.map((p: { fellow: { id: string }; mentor: { id: string } }) => [p.fellow.id, p.mentor.id]),
    );
    expect(mentorOf[fellows[0].id]).toBe(hanoi.id);
    expect(mentorOf[fellows[1].id]).toBe(tokyo.id);

    // Fellow 1 withdraws too before approval: the proposal pairing them with Tokyo cannot be approved.
    await withdraw(sessions[1], 'abroad');
    const approve = await as(staff)
      .post(`/api/v1/cohorts/${programme}/matching/proposals/${proposal.body.id}/approve`)
      .expect(409);
    expect(['proposal_stale', 'matching_stale', 'consent_missing']).toContain(approve.body.code);
    const pairs = await t.db.query(`SELECT 1 FROM pairings WHERE fellow_id = ANY($1::uuid[])`, [
      fellows.map((f) => f.id),
    ]);
    expect(pairs).toHaveLength(0);
  });

  it("'communications': optional reminders are not sent without it, mandatory notices still are", async () => {
    const yes = await register('comms-yes', ['application', 'communications']);
    const no = await register('comms-no', ['application', 'communications']);
    for (const who of [yes, no]) await as(who).post(`/api/v1/cohorts/${cohortId}/applications`).expect(201);
    await withdraw(no, 'communications');
    const run = new FamilyRun(t, worker, DEADLINE_FAMILY, { immediate: yes, digest: no, unsubscribed: no });
    // The optional week-before reminder: only the consenting person.
    const reminders = (emails: Array<{ template: string }>) => emails.filter((e) => e.template !== 'verify-email');
    const optional = await run.reminders(new Date(closesAt - 7 * DAY + 3600_000));
    expect(reminders(optional.emails)).toEqual([{ to: yes.email, template: 'deadline-reminder', step: 'deadline_7d' }]);
    // The mandatory last call: both.
    const mandatory = await run.reminders(new Date(closesAt - DAY + 3600_000));
    expect(mandatory.emails.map((e) => e.to).sort()).toEqual([yes.email, no.email].sort());
    expect(new Set(mandatory.emails.map((e) => e.template))).toEqual(new Set(['deadline-last-call']));
  });

  it("'marketing' (and 'communications') announcements reach only consenting people; a programme notice reaches all", async () => {
    const audience = (await openCohort(t, staff, 'VGBF Consents News', { closesInDays: 10 })).id;
    const fan = await register('fan', ['application', 'communications', 'marketing']);
    const quiet = await register('quiet', ['application', 'communications']);
    const leaver = await register('leaver', ['application', 'communications', 'marketing']);
    for (const who of [fan, quiet, leaver]) await as(who).post(`/api/v1/cohorts/${audience}/applications`).expect(201);
    await withdraw(leaver, 'marketing');
    const body = (purpose?: string) => ({
      cohortId: audience,
      audience: 'applicants',
      template: 'event',
      ...(purpose ? { purpose } : {}),
      subjectVi: 'Ưu đãi của đối tác',
      bodyVi: 'Sự kiện kết nối doanh nghiệp tại TP.HCM.',
      subjectEn: 'A partner offer',
      bodyEn: 'A business networking event in Ho Chi Minh City.',
    });
    const recipients = async (id: string) =>
      (
        await t.db.query(
          `SELECT u.email FROM announcement_recipients r JOIN users u ON u.id = r.user_id WHERE r.announcement_id = $1 ORDER BY u.email`,
          [id],
        )
      ).map((r: { email: string }) => r.email);
    const marketing = await as(staff).post('/api/v1/announcements').send(body('marketing')).expect(201);
    expect(await recipients(marketing.body.id)).toEqual([fan.email]);
    const notice = await as(staff).post('/api/v1/announcements').send(body()).expect(201);
    expect(await recipients(notice.body.id)).toEqual([fan.email, quiet.email, leaver.email].sort());
    const bad = await as(staff).post('/api/v1/announcements').send(body('selling')).expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['purpose']);
  });

  it("'alumni_directory': recordable and withdrawable (the directory itself comes with issue 19)", async () => {
    const ha = await register('ha', ['application', 'alumni_directory']);
    const ledger = t.app.get(ConsentLedger);
    expect(await ledger.has(ha.id, 'alumni_directory')).toBe(true);
    await withdraw(ha, 'alumni_directory');
    expect(await ledger.has(ha.id, 'alumni_directory')).toBe(false);
    await expect(ledger.require(ha.id, 'alumni_directory')).rejects.toMatchObject({
      code: 'consent_missing',
      kind: 'conflict',
      details: { purpose: 'alumni_directory' },
    });
  });
});
