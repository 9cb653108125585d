import type { INestApplicationContext } from '@nestjs/common';
import { postFrom } from '../support/client-address';
import { Inbox, uniqueEmail } from '../support/inbox';
import { type TestApp, createTestApp } from '../support/test-app';
import { startTestWorker } from '../support/test-worker';
import { signIn } from '../support/users';

const PASSWORD = 'Đà Nẵng biển xanh 2027';
const PER_PAIR = 4;

const tokenIn = (text: string | undefined): string => {
  const link = /https?:\/\/\S+verify-email\?token=[\w-]+/.exec(text ?? '')?.[0];
  expect(link).toBeDefined();
  return new URL(link as string).searchParams.get('token') as string;
};

describe('Sending the verification email again', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  const inbox = new Inbox();

  beforeAll(async () => {
    t = await createTestApp({ env: { LOGIN_MAX_PER_ACCOUNT: String(PER_PAIR), LOGIN_MAX_PER_IP: '1000' } });
    worker = await startTestWorker(t.env);
  });
  afterAll(async () => {
    await worker?.close();
    await t.close();
  });

  const verificationEmails = async (email: string): Promise<number> =>
    Number(
      (
        await t.db.query<Array<{ n: string }>>(
          `SELECT count(*) AS n FROM outbox WHERE lower(payload->>'to') = lower($1) AND payload->>'template' = 'verify-email'`,
          [email],
        )
      )[0]?.n,
    );

  it('mails a new link in the account language; the old link stops working and the new one verifies', async () => {
    const email = uniqueEmail('resend');
    await t.http
      .post('/api/v1/auth/register')
      .send({ email, password: PASSWORD, fullName: 'Lê Văn Bình', language: 'vi' })
      .expect(202);
    const [first] = await inbox.waitFor(email);
    const oldToken = tokenIn(first?.text);

    await postFrom(t, '127.0.1.1', '/api/v1/auth/resend-verification', { email }).then((r) =>
      expect(r.status).toBe(202),
    );
    const mails = await inbox.waitFor(email, 2);
    const newToken = mails.map((m) => tokenIn(m.text)).find((tok) => tok !== oldToken) as string;
    expect(newToken).toBeDefined();
    expect(mails.every((m) => m.subject === 'Xác nhận email của bạn — VGBF')).toBe(true);

    const refused = await t.http.post('/api/v1/auth/verify-email').send({ token: oldToken });
    expect(refused.status).toBeGreaterThanOrEqual(400);
    expect(refused.status).toBeLessThan(500);
    await t.http.post('/api/v1/auth/verify-email').send({ token: newToken }).expect(204);
    const login = await t.http.post('/api/v1/auth/login').send({ email, password: PASSWORD }).expect(200);
    expect(login.body.user).toMatchObject({ email, emailVerified: true });
  });

  it('answers the same for an unknown and a verified address, and mails neither', async () => {
    const known = uniqueEmail('pending');
    await t.http.post('/api/v1/auth/register').send({ email: known, password: PASSWORD, fullName: 'A' }).expect(202);
    const verified = await signIn(t, ['applicant']);
    const unknown = uniqueEmail('nobody');

    const answers = await Promise.all(
      [known, verified.email, unknown].map((email, i) =>
        postFrom(t, `127.0.2.${i + 1}`, '/api/v1/auth/resend-verification', { email }),
      ),
    );
    for (const a of answers) {
      expect(a.status).toBe(202);
      expect(a.body).toEqual(answers[0]?.body);
      expect(a.headers['content-type']).toBe(answers[0]?.headers['content-type']);
    }
    expect(await verificationEmails(known)).toBe(2);
    expect(await verificationEmails(verified.email)).toBe(0);
    expect(await verificationEmails(unknown)).toBe(0);
  });

  it('refuses a bad address with a field error and writes nothing', async () => {
    const before = await t.db.query<Array<{ n: string }>>('SELECT count(*) AS n FROM outbox');
    const bad = await t.http.post('/api/v1/auth/resend-verification').send({ email: 'not an address' });
    expect(bad.status).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(JSON.stringify(bad.body)).toContain('email');
    expect(await t.db.query('SELECT count(*) AS n FROM outbox')).toEqual(before);
  });

  it('is throttled per account and address like a password reset, with Retry-After', async () => {
    const email = uniqueEmail('flood');
    await t.http.post('/api/v1/auth/register').send({ email, password: PASSWORD, fullName: 'B' }).expect(202);
    const statuses: number[] = [];
    let retryAfter: string | undefined;
    for (let i = 0; i < PER_PAIR + 2; i++) {
      const r = await postFrom(t, '127.0.3.1', '/api/v1/auth/resend-verification', { email });
      statuses.push(r.status);
      if (r.status === 429) retryAfter = r.headers['retry-after'] as string;
    }
    expect(statuses).toEqual([...Array<number>(PER_PAIR).fill(202), 429, 429]);
    expect(Number(retryAfter)).toBeGreaterThan(0);
    // The registration's link plus one per accepted request: the inbox is bounded.
    expect(await verificationEmails(email)).toBe(1 + PER_PAIR);
  });
});
