import type { INestApplicationContext } from '@nestjs/common';
import { getQueueToken } from '@nestjs/bullmq';
import { QUEUES } from '@vgbf/queue';
import type { Queue } from 'bullmq';
import { openCohort } from '../support/cohorts';
import { Inbox } from '../support/inbox';
import { type TestFellow, createFellows, createMentor, logInFellow, pairUp } from '../support/programme';
import { type TestApp, createTestApp } from '../support/test-app';
import { startTestWorker } from '../support/test-worker';
import { type SignedIn, signIn } from '../support/users';

const HOSTILE = '<script>alert("x")</script><b>Đậm</b> & {link} {fullName}';

/** Issue 13: staff write to a cohort's applicants, fellows or mentors; everyone sees theirs on their home. */
describe('Announcements', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let staff: SignedIn;
  let cohortId: string;
  let otherCohortId: string;
  let fellows: TestFellow[];
  let otherFellow: TestFellow;
  let mentor: SignedIn;
  const inbox = new Inbox();

  beforeAll(async () => {
    t = await createTestApp();
    worker = await startTestWorker(t.env);
    staff = await signIn(t, ['staff'], 'staff');
    cohortId = (await openCohort(t, staff, 'VGBF Thông báo')).id;
    otherCohortId = (await openCohort(t, staff, 'VGBF Other')).id;
    fellows = await createFellows(
      t,
      cohortId,
      staff,
      [{ language: 'vi', fullName: 'Trần Thị Lan' }, { language: 'en', fullName: 'Lê Văn Minh' }, {}],
      'announce',
    );
    // The third withdrew: no longer a fellow, so not in the audience.
    await t.db.query(`UPDATE fellows SET status = 'withdrawn' WHERE id = $1`, [fellows[2].id]);
    [otherFellow] = await createFellows(t, otherCohortId, staff, [{}], 'elsewhere');
    mentor = await createMentor(t, {}, 'announce-mentor');
  }, 90_000);
  afterAll(async () => {
    await worker?.close();
    await t.close();
  });

  const as = (who: SignedIn) => ({
    get: (url: string) => t.http.get(url).set('authorization', who.bearer),
    post: (url: string, body: object, key?: string) => {
      const req = t.http.post(url).set('authorization', who.bearer);
      return (key ? req.set('idempotency-key', key) : req).send(body);
    },
  });
  const compose = (over: object = {}) => ({
    cohortId,
    audience: 'fellows',
    template: 'event',
    subjectVi: 'Ngày định hướng',
    bodyVi: `Mời các bạn dự ngày định hướng.\n${HOSTILE}`,
    subjectEn: 'Orientation day',
    bodyEn: `Join us for the orientation day.\n${HOSTILE}`,
    ...over,
  });
  const counts = async () =>
    (
      await t.db.query(
        `SELECT (SELECT count(*)::int FROM announcements) AS announcements,
                (SELECT count(*)::int FROM announcement_recipients) AS recipients,
                (SELECT count(*)::int FROM outbox WHERE payload->>'template' = 'announcement') AS emails,
                (SELECT count(*)::int FROM audit_log WHERE action = 'announcement.sent') AS audits`,
      )
    )[0];

  it("offers the templates in both languages with the cohort's name and deadline", async () => {
    const res = await as(staff).get(`/api/v1/announcements/templates?cohortId=${cohortId}`).expect(200);
    expect(res.body.map((x: { code: string }) => x.code)).toEqual(['deadline-approaching', 'event', 'free-text']);
    const deadline = res.body[0];
    expect(deadline.vi.subject).toBe('VGBF Thông báo: sắp đến hạn');
    expect(deadline.en.subject).toBe('VGBF Thông báo: the deadline is approaching');
    expect(deadline.en.body).toMatch(/deadline is \d{4}-\d{2}-\d{2} \d{2}:\d{2} \(GMT\+7\)/);
    const bad = await as(staff).get('/api/v1/announcements/templates?cohortId=nope').expect(400);
    expect(bad.body.errors).toEqual([
      { field: 'cohortId', message: 'cohortId must be a UUID', code: 'validation.is_uuid', params: {} },
    ]);
    await as(staff).get('/api/v1/announcements/templates?cohortId=00000000-0000-4000-8000-000000000000').expect(404);
  });

  it('previews the email in each language with the recipient count, escaped, and writes nothing', async () => {
    const before = await counts();
    const res = await as(staff).post('/api/v1/announcements/preview', compose()).expect(200);
    expect(res.body.recipientCount).toBe(2);
    const [vi, en] = res.body.languages;
    expect(vi).toMatchObject({
      language: 'vi',
      recipientCount: 1,
      sampleName: 'Trần Thị Lan',
      subject: 'Ngày định hướng',
    });
    expect(en).toMatchObject({
      language: 'en',
      recipientCount: 1,
      sampleName: 'Lê Văn Minh',
      subject: 'Orientation day',
    });
    expect(vi.text).toContain('Chào Trần Thị Lan,');
    expect(en.text).toContain('This is a notice from the programme staff to the fellows of VGBF Thông báo.');
    expect(en.html).toContain(
      '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;b&gt;Đậm&lt;/b&gt; &amp; {link} {fullName}',
    );
    expect(en.html).not.toContain('<script>');
    const mentors = await as(staff)
      .post('/api/v1/announcements/preview', compose({ audience: 'mentors' }))
      .expect(200);
    expect(mentors.body).toMatchObject({ recipientCount: 0, languages: [{ sampleName: 'Tên người nhận' }, {}] });
    expect(await counts()).toEqual(before);
  });

  it('refuses bad input with field errors, an empty audience with a 409, and writes nothing', async () => {
    const before = await counts();
    const cases: Array<[object, string]> = [
      [compose({ audience: 'everyone' }), 'audience'],
      [compose({ template: 'party' }), 'template'],
      [compose({ subjectVi: ' \u200B ' }), 'subjectVi'],
      [compose({ bodyEn: 'x'.repeat(5001) }), 'bodyEn'],
      [compose({ cohortId: 'x' }), 'cohortId'],
      [{ ...compose(), subjectEn: undefined }, 'subjectEn'],
      [compose({ extra: 1 }), 'extra'],
    ];
    for (const [body, field] of cases) {
      for (const url of ['/api/v1/announcements', '/api/v1/announcements/preview']) {
        const res = await as(staff).post(url, body).expect(400);
        expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
        expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
      }
    }
    const badKey = await as(staff).post('/api/v1/announcements', compose(), 'short').expect(400);
    expect(badKey.body.errors).toEqual([expect.objectContaining({ field: 'Idempotency-Key' })]);
    await as(staff)
      .post('/api/v1/announcements', compose({ cohortId: '00000000-0000-4000-8000-000000000000' }))
      .expect(404);
    const empty = await as(staff)
      .post('/api/v1/announcements', compose({ audience: 'mentors' }))
      .expect(409);
    expect(empty.body.code).toBe('announcement_without_recipients');
    expect(await counts()).toEqual(before);
  });

  it('lets only staff write, list or preview; everyone else is refused and nothing is written', async () => {
    const before = await counts();
    const fellow = await logInFellow(t, fellows[0]);
    const others = [fellow, mentor, await signIn(t, ['applicant']), await signIn(t, ['reviewer'])];
    for (const who of others) {
      await as(who).post('/api/v1/announcements', compose()).expect(403);
      await as(who).post('/api/v1/announcements/preview', compose()).expect(403);
      await as(who).get('/api/v1/announcements').expect(403);
      await as(who).get(`/api/v1/announcements/templates?cohortId=${cohortId}`).expect(403);
    }
    await t.http.get('/api/v1/announcements/mine').expect(401);
    expect(await counts()).toEqual(before);
  });

  it('sends one email per fellow in their language, once even when retried and redelivered, audited', async () => {
    const key = `announce-${Date.now()}`;
    const sent = await as(staff).post('/api/v1/announcements', compose(), key).expect(201);
    expect(sent.body).toMatchObject({ audience: 'fellows', recipientCount: 2, cohortName: 'VGBF Thông báo' });
    // The same request again (a retry after a lost answer) answers the same announcement and sends nothing more.
    const retry = await as(staff).post('/api/v1/announcements', compose(), key).expect(201);
    expect(retry.body.id).toBe(sent.body.id);
    expect(await counts()).toMatchObject({ announcements: 1, recipients: 2, emails: 2, audits: 1 });

    const [vi] = await inbox.waitFor(fellows[0].email, 1);
    const [en] = await inbox.waitFor(fellows[1].email, 1);
    expect(vi.subject).toBe('Ngày định hướng');
    expect(vi.text).toContain('Chào Trần Thị Lan,');
    expect(en.subject).toBe('Orientation day');
    expect(en.text).toContain(`Join us for the orientation day.\n${HOSTILE}`);
    expect(en.html).toContain('&lt;script&gt;');
    expect(en.html).not.toContain('<script>');
    expect(en.html).not.toContain('<b>Đậm</b>');

    // The mail job run again for every row (a redelivery) sends nothing twice.
    const rows = await t.db.query(`SELECT id FROM outbox WHERE payload->>'template' = 'announcement'`);
    const mailQueue = worker.get<Queue>(getQueueToken(QUEUES.mail));
    for (const { id } of rows as Array<{ id: string }>) {
      const again = await mailQueue.add('mail', { outboxId: id }, { jobId: `${id}-again` });
      let state = await again.getState();
      for (let i = 0; i < 100 && state !== 'completed' && state !== 'failed'; i++) {
        await new Promise((r) => setTimeout(r, 100));
        state = await again.getState();
      }
      expect((await mailQueue.getJob(again.id as string))?.returnvalue).toBe('already-sent');
    }
    await new Promise((r) => setTimeout(r, 300));
    expect(await inbox.emailsTo(fellows[0].email)).toHaveLength(1);
    expect(await inbox.emailsTo(fellows[1].email)).toHaveLength(1);
    expect(await inbox.emailsTo(fellows[2].email)).toHaveLength(0);

    const [audit] = await t.db.query(
      `SELECT actor_id, entity_id, after FROM audit_log WHERE action = 'announcement.sent'`,
    );
    expect(audit).toEqual({
      actor_id: staff.id,
      entity_id: sent.body.id,
      after: { cohortId, audience: 'fellows', template: 'event', recipientCount: 2 },
    });
    const list = await as(staff).get(`/api/v1/announcements?cohortId=${cohortId}`).expect(200);
    expect(list.body).toEqual([
      expect.objectContaining({
        id: sent.body.id,
        recipientCount: 2,
        senderName: expect.any(String),
        audience: 'fellows',
      }),
    ]);
    expect((await as(staff).get(`/api/v1/announcements?cohortId=${otherCohortId}`).expect(200)).body).toEqual([]);
  });

  it('shows each person only the announcements addressed to them', async () => {
    const mine = async (who: SignedIn) =>
      (
        (await as(who).get('/api/v1/announcements/mine').expect(200)).body as Array<{
          id: string;
          en: { subject: string };
        }>
      ).map((a) => a.en.subject);
    await pairUp(t, cohortId, fellows[0].id, mentor.id);
    await as(staff)
      .post(
        '/api/v1/announcements',
        compose({ audience: 'mentors', subjectEn: 'Mentors only', subjectVi: 'Chỉ cố vấn' }),
      )
      .expect(201);
    await as(staff)
      .post(
        '/api/v1/announcements',
        compose({ cohortId: otherCohortId, subjectEn: 'Other cohort', subjectVi: 'Khóa khác' }),
      )
      .expect(201);
    expect(await mine(await logInFellow(t, fellows[0]))).toEqual(['Orientation day']);
    expect(await mine(await logInFellow(t, fellows[2]))).toEqual([]);
    expect(await mine(await logInFellow(t, otherFellow))).toEqual(['Other cohort']);
    expect(await mine(mentor)).toEqual(['Mentors only']);
    expect(await mine(staff)).toEqual([]);
    const [first] = (
      await as(await logInFellow(t, fellows[0]))
        .get('/api/v1/announcements/mine')
        .expect(200)
    ).body;
    expect(first).toMatchObject({ cohortName: 'VGBF Thông báo', vi: { subject: 'Ngày định hướng' } });
  });
});
