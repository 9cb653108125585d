import type { INestApplicationContext } from '@nestjs/common';
import { getQueueToken } from '@nestjs/bullmq';
import { QUEUES } from '@vgbf/queue';
import type { Queue } from 'bullmq';
import { openCohort } from '../support/cohorts';
import { startReviewing, submittedApplications } from '../support/committee';
import { Inbox } from '../support/inbox';
import { type TestApp, createTestApp } from '../support/test-app';
import { startTestWorker } from '../support/test-worker';
import { type SignedIn, signIn } from '../support/users';

const BODY = 'Hồ sơ còn thiếu giấy đăng ký kinh doanh.\n<img src=x onerror=alert(1)> & {sender}';

/** Issue 13: staff write to an applicant from a template; the email goes out in their language and is logged. */
describe('Applications: staff messages to an applicant', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let staff: SignedIn;
  let reviewers: SignedIn[];
  let target: { id: string; applicant: SignedIn };
  let other: { id: string; applicant: SignedIn };
  const inbox = new Inbox();

  beforeAll(async () => {
    t = await createTestApp();
    worker = await startTestWorker(t.env);
    staff = await signIn(t, ['staff'], 'staff');
    await t.db.query(`UPDATE users SET full_name = 'Lê Thu Hà' WHERE id = $1`, [staff.id]);
    reviewers = [];
    for (let i = 0; i < 3; i++) reviewers.push(await signIn(t, ['reviewer'], `msg-rev${i}`));
    const cohortId = (await openCohort(t, staff, 'VGBF Thư')).id;
    const apps = await submittedApplications(t, cohortId, 3);
    target = apps[0]!;
    other = apps[1]!;
    await t.db.query(`UPDATE users SET language = 'en', full_name = 'Phạm Minh Châu' WHERE id = $1`, [
      target.applicant.id,
    ]);
    await t.db.query(`UPDATE users SET language = 'vi' WHERE id = $1`, [other.applicant.id]);
    await startReviewing(t, staff, cohortId);
    await t.http
      .post(`/api/v1/cohorts/${cohortId}/assignments/auto`)
      .set('authorization', staff.bearer)
      .send({})
      .expect(200);
  }, 90_000);
  afterAll(async () => {
    await worker?.close();
    await t.close();
  });

  const url = (id: string, tail = '') => `/api/v1/applications/${id}/messages${tail}`;
  const as = (who: SignedIn) => ({
    get: (path: string) => t.http.get(path).set('authorization', who.bearer),
    post: (path: string, body: object, key?: string) => {
      const req = t.http.post(path).set('authorization', who.bearer);
      return (key ? req.set('idempotency-key', key) : req).send(body);
    },
  });
  const message = (over: object = {}) => ({
    template: 'missing-document',
    subject: 'Your VGBF Thư application: a document is missing',
    body: BODY,
    ...over,
  });
  const counts = async () =>
    (
      await t.db.query(
        `SELECT (SELECT count(*)::int FROM application_messages) AS messages,
                (SELECT count(*)::int FROM outbox WHERE payload->>'template' = 'applicant-message') AS emails,
                (SELECT count(*)::int FROM audit_log WHERE action = 'application.message_sent') AS audits`,
      )
    )[0];

  it("offers the templates in the applicant's language, with the cohort filled in", async () => {
    const res = await as(staff).get(url(target.id)).expect(200);
    expect(res.body).toMatchObject({ language: 'en', to: target.applicant.email, messages: [] });
    expect(res.body.templates.map((x: { code: string }) => x.code)).toEqual([
      'missing-document',
      'clarification-needed',
      'free-text',
    ]);
    expect(res.body.templates[0].subject).toBe('Your VGBF Thư application: a document is missing');
    const vi = await as(staff).get(url(other.id)).expect(200);
    expect(vi.body.language).toBe('vi');
    expect(vi.body.templates[0].subject).toBe('Hồ sơ VGBF Thư: còn thiếu giấy tờ');
  });

  it('previews the email as the applicant will get it, escaped, and writes nothing', async () => {
    const before = await counts();
    const res = await as(staff).post(url(target.id, '/preview'), message()).expect(200);
    expect(res.body).toMatchObject({ to: target.applicant.email, language: 'en', subject: message().subject });
    expect(res.body.text).toContain('Hello Phạm Minh Châu,');
    expect(res.body.text).toContain('Lê Thu Hà — Vietnam Global Biz Fellows programme staff');
    expect(res.body.html).toContain('&lt;img src=x onerror=alert(1)&gt; &amp; {sender}');
    expect(res.body.html).not.toContain('<img');
    expect(await counts()).toEqual(before);
  });

  it('refuses bad input with field errors and writes nothing', async () => {
    const before = await counts();
    const cases: Array<[object, string]> = [
      [message({ template: 'threat' }), 'template'],
      [message({ subject: ' \u200B ' }), 'subject'],
      [message({ subject: 's'.repeat(201) }), 'subject'],
      [message({ body: '' }), 'body'],
      [message({ body: 'b'.repeat(5001) }), 'body'],
      [{ template: 'free-text', subject: 'Hi' }, 'body'],
      [message({ to: 'someone@else.test' }), 'to'],
    ];
    for (const [body, field] of cases) {
      for (const path of [url(target.id), url(target.id, '/preview')]) {
        const res = await as(staff).post(path, body).expect(400);
        expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
        expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
      }
    }
    await as(staff).post(url(target.id), message(), 'bad key').expect(400);
    await as(staff).post(url('00000000-0000-4000-8000-000000000000'), message()).expect(404);
    await as(staff).post(url('nope'), message()).expect(400);
    expect(await counts()).toEqual(before);
  });

  it('is for staff only: the applicant (even the owner) and reviewers are refused and nothing is written', async () => {
    const before = await counts();
    for (const who of [target.applicant, reviewers[0], await signIn(t, ['mentor']), await signIn(t, ['fellow'])]) {
      await as(who).get(url(target.id)).expect(403);
      await as(who).post(url(target.id, '/preview'), message()).expect(403);
      await as(who).post(url(target.id), message()).expect(403);
    }
    await t.http.get(url(target.id)).expect(401);
    expect(await counts()).toEqual(before);
  });

  it('sends one email in the applicant’s language, logs it with sender and time, audited, once on retry', async () => {
    const key = `msg-${Date.now()}`;
    const sent = await as(staff).post(url(target.id), message(), key).expect(201);
    expect(sent.body).toMatchObject({
      template: 'missing-document',
      language: 'en',
      senderName: 'Lê Thu Hà',
      body: BODY,
    });
    expect(Math.abs(new Date(sent.body.createdAt as string).getTime() - Date.now())).toBeLessThan(60_000);
    const retry = await as(staff).post(url(target.id), message(), key).expect(201);
    expect(retry.body.id).toBe(sent.body.id);
    expect(await counts()).toEqual({ messages: 1, emails: 1, audits: 1 });

    const [email] = await inbox.waitFor(target.applicant.email, 1);
    expect(email.subject).toBe(message().subject);
    expect(email.text).toContain(`Hello Phạm Minh Châu,\n\n${BODY}`);
    expect(email.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(email.html).not.toContain('<img');

    // The mail job delivered again sends nothing more.
    const [{ id }] = await t.db.query(`SELECT id FROM outbox WHERE payload->>'template' = 'applicant-message'`);
    const mailQueue = worker.get<Queue>(getQueueToken(QUEUES.mail));
    const again = await mailQueue.add('mail', { outboxId: id as string }, { jobId: `${id as string}-again` });
    let state = await again.getState();
    for (let i = 0; i < 100 && state !== 'completed' && state !== 'failed'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      state = await again.getState();
    }
    expect((await mailQueue.getJob(again.id as string))?.returnvalue).toBe('already-sent');
    await new Promise((r) => setTimeout(r, 300));
    expect(await inbox.emailsTo(target.applicant.email)).toHaveLength(1);

    const log = await as(staff).get(url(target.id)).expect(200);
    expect(log.body.messages).toEqual([
      expect.objectContaining({ id: sent.body.id, senderName: 'Lê Thu Hà', delivery: 'done' }),
    ]);
    expect((await as(staff).get(url(other.id)).expect(200)).body.messages).toEqual([]);
    const audits = await t.db.query(
      `SELECT actor_id, entity_id, after FROM audit_log WHERE action = 'application.message_sent'`,
    );
    expect(audits).toEqual([
      {
        actor_id: staff.id,
        entity_id: target.id,
        after: { messageId: sent.body.id, template: 'missing-document', language: 'en' },
      },
    ]);
    expect(JSON.stringify(audits)).not.toContain('giấy đăng ký');
  });

  it('never shows the message log to the applicant or to a reviewer, in any of their answers', async () => {
    const applicantAnswers = [
      await as(target.applicant).get(`/api/v1/applications/${target.id}`).expect(200),
      await as(target.applicant).get('/api/v1/applications/mine').expect(200),
      await as(target.applicant).get(`/api/v1/applications/${target.id}/history`).expect(200),
    ];
    const list = (await as(reviewers[0]).get('/api/v1/reviews/assignments').expect(200)).body as Array<{
      assignmentId: string;
      applicationId: string;
    }>;
    const assignment = list.find((a) => a.applicationId === target.id);
    expect(assignment).toBeDefined();
    const reviewerAnswer = await as(reviewers[0])
      .get(`/api/v1/reviews/assignments/${assignment!.assignmentId}`)
      .expect(200);
    for (const answer of [...applicantAnswers, { body: list }, reviewerAnswer]) {
      expect(JSON.stringify(answer.body)).not.toContain('giấy đăng ký kinh doanh');
    }
  });
});
