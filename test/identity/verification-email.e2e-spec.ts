import type { INestApplicationContext } from '@nestjs/common';
import { getQueueToken } from '@nestjs/bullmq';
import { QUEUES } from '@vgbf/queue';
import type { Queue } from 'bullmq';
import { Inbox, uniqueEmail } from '../support/inbox';
import { type TestApp, createTestApp } from '../support/test-app';
import { startTestWorker } from '../support/test-worker';

const PASSWORD = 'Đà Nẵng biển xanh 2027';

describe('Verification email: outbox → relay → BullMQ → SMTP → inbox', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  const inbox = new Inbox();

  beforeAll(async () => {
    t = await createTestApp();
    worker = await startTestWorker(t.env);
  });
  afterAll(async () => {
    await worker?.close();
    await t.close();
  });

  it('delivers the email in the applicant language; its link verifies the account and login works', async () => {
    const email = uniqueEmail('lan');
    await t.http
      .post('/api/v1/auth/register')
      .send({ email, password: PASSWORD, fullName: 'Trần Thị Lan', language: 'vi' })
      .expect(201);

    const [mail] = await inbox.waitFor(email);
    expect(mail?.subject).toBe('Xác nhận email của bạn — VGBF');
    expect(mail?.text).toContain('Chào Trần Thị Lan,');
    const link = /https?:\/\/\S+verify-email\?token=[\w-]+/.exec(mail?.text ?? '')?.[0];
    expect(link).toBeDefined();

    const token = new URL(link as string).searchParams.get('token');
    await t.http.post('/api/v1/auth/verify-email').send({ token }).expect(204);
    await t.http.post('/api/v1/auth/login').send({ email, password: PASSWORD }).expect(200);

    const [row] = await t.db.query(`SELECT status, attempts, processed_at FROM outbox`);
    expect(row).toMatchObject({ status: 'done', attempts: 1 });
  });

  it('sends an English email to an English speaker', async () => {
    const email = uniqueEmail('john');
    await t.http
      .post('/api/v1/auth/register')
      .send({ email, password: PASSWORD, fullName: 'John Smith', language: 'en' })
      .expect(201);
    const [mail] = await inbox.waitFor(email);
    expect(mail?.subject).toBe('Confirm your email — VGBF');
  });

  it('sends nothing twice when the same outbox row is delivered again', async () => {
    const email = uniqueEmail('binh');
    await t.http.post('/api/v1/auth/register').send({ email, password: PASSWORD, fullName: 'Lê Bình' }).expect(201);
    await inbox.waitFor(email);
    const [{ id }] = await t.db.query(`SELECT id FROM outbox WHERE payload->>'to' = $1`, [email]);

    const mailQueue = worker.get<Queue>(getQueueToken(QUEUES.mail));
    const again = await mailQueue.add('mail', { outboxId: id as string }, { jobId: `${id as string}-again` });
    let state = await again.getState();
    for (let i = 0; i < 100 && state !== 'completed' && state !== 'failed'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      state = await again.getState();
    }
    expect(state).toBe('completed');
    expect((await mailQueue.getJob(again.id as string))?.returnvalue).toBe('already-sent');
    await new Promise((r) => setTimeout(r, 300));
    expect(await inbox.emailsTo(email)).toHaveLength(1);
  });
});
