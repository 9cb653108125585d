import { type TestApp, createTestApp } from '../support/test-app';
import { TEST_PASSWORD, signIn } from '../support/users';

const WINDOW_SECONDS = 3;

describe('Login throttling (Redis-backed, per account and per IP)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({
      env: {
        LOGIN_THROTTLE_WINDOW_SECONDS: String(WINDOW_SECONDS),
        LOGIN_MAX_PER_ACCOUNT: '10',
        LOGIN_MAX_PER_IP: '1000',
      },
    });
  });
  afterAll(() => t.close());

  it('answers 429 with Retry-After after 10 bad logins for one account; the right password works after the window', async () => {
    const me = await signIn(t, ['applicant']);
    const statuses: number[] = [];
    let retryAfter: string | undefined;
    for (let i = 0; i < 20; i++) {
      const res = await t.http.post('/api/v1/auth/login').send({ email: me.email, password: `wrong password ${i}` });
      statuses.push(res.status);
      if (res.status === 429) {
        retryAfter = res.headers['retry-after'];
        expect(res.body).toMatchObject({ status: 429, code: 'too_many_attempts' });
      }
    }
    // signIn used one attempt of the window already.
    expect(statuses.filter((s) => s === 401)).toHaveLength(9);
    expect(statuses.filter((s) => s === 429)).toHaveLength(11);
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
    expect(Number(retryAfter)).toBeLessThanOrEqual(WINDOW_SECONDS);

    // Even the right password waits for the window: the attacker learns nothing.
    await t.http.post('/api/v1/auth/login').send({ email: me.email, password: TEST_PASSWORD }).expect(429);
    // Other accounts and other requests are not affected meanwhile.
    await signIn(t, ['applicant']);
    await t.http.get('/health/ready').expect(200);

    await new Promise((r) => setTimeout(r, (Number(retryAfter) + 0.5) * 1000));
    await t.http.post('/api/v1/auth/login').send({ email: me.email, password: TEST_PASSWORD }).expect(200);
  });

  it('counts per account whatever the case of the email', async () => {
    const me = await signIn(t, ['applicant']);
    for (let i = 0; i < 10; i++) {
      await t.http
        .post('/api/v1/auth/login')
        .send({ email: i % 2 ? me.email.toUpperCase() : me.email, password: 'wrong wrong wrong' });
    }
    await t.http.post('/api/v1/auth/login').send({ email: me.email, password: TEST_PASSWORD }).expect(429);
  });
});
