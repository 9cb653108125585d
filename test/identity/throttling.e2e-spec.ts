import { uniqueEmail } from '../support/inbox';
import { postFrom } from '../support/client-address';
import { type TestApp, createTestApp } from '../support/test-app';
import { TEST_PASSWORD, signIn } from '../support/users';

const WINDOW_SECONDS = 3;
const PER_PAIR = 10;
const ACCOUNT_CEILING = 25;
const ACCOUNT_WINDOW_SECONDS = 3600;

const sleep = (seconds: number) => new Promise((r) => setTimeout(r, seconds * 1000));

describe('Sign-in throttling (Redis): per account and address, an account ceiling, per address', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({
      env: {
        LOGIN_THROTTLE_WINDOW_SECONDS: String(WINDOW_SECONDS),
        LOGIN_MAX_PER_ACCOUNT: String(PER_PAIR),
        LOGIN_MAX_PER_IP: '1000',
        LOGIN_ACCOUNT_MAX_FAILURES: String(ACCOUNT_CEILING),
        LOGIN_ACCOUNT_WINDOW_SECONDS: String(ACCOUNT_WINDOW_SECONDS),
      },
    });
  });
  afterAll(() => t.close());

  const login = (from: string, email: string, password: string) =>
    postFrom(t, from, '/api/v1/auth/login', { email, password });
  const wrong = async (from: string, email: string, times: number): Promise<number[]> => {
    const statuses: number[] = [];
    for (let i = 0; i < times; i++) statuses.push((await login(from, email, `wrong password ${i}`)).status);
    return statuses;
  };

  it('refuses an attacking address after 10 failures, while the owner signs in from another address', async () => {
    const me = await signIn(t, ['applicant']);
    const attacker = await wrong('127.0.0.2', me.email, 15);
    expect(attacker).toEqual([...Array<number>(PER_PAIR).fill(401), ...Array<number>(5).fill(429)]);
    const refused = await login('127.0.0.2', me.email, 'one more guess');
    expect(refused.status).toBe(429);
    expect(refused.headers['content-type']).toMatch(/problem\+json/);
    expect(refused.body).toMatchObject({ status: 429, code: 'too_many_attempts' });
    const retryAfter = Number(refused.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(WINDOW_SECONDS);
    // The attacking address learns nothing, even with the right password.
    expect((await login('127.0.0.2', me.email, TEST_PASSWORD)).status).toBe(429);

    // The owner, from an address that has not been failing: a typo is a plain 401, the password signs in.
    expect((await login('127.0.0.3', me.email, 'a typo in it')).status).toBe(401);
    const owner = await login('127.0.0.3', me.email, TEST_PASSWORD);
    expect(owner.status).toBe(200);
    expect(owner.body.token).toEqual(expect.any(String));

    // After the window the attacking address may try again.
    await sleep(retryAfter + 0.5);
    expect((await login('127.0.0.2', me.email, TEST_PASSWORD)).status).toBe(200);
  });

  it("clears an address's failures when it signs in, and counts an account whatever the case of its email", async () => {
    const me = await signIn(t, ['applicant']);
    const upper = me.email.toUpperCase();
    expect(await wrong('127.0.0.4', upper, PER_PAIR - 1)).toEqual(Array<number>(PER_PAIR - 1).fill(401));
    expect((await login('127.0.0.4', me.email, TEST_PASSWORD)).status).toBe(200);
    // Nine typos and a success left nothing behind: ten more failures before a refusal.
    expect(await wrong('127.0.0.4', me.email, PER_PAIR)).toEqual(Array<number>(PER_PAIR).fill(401));
    expect((await login('127.0.0.4', upper, TEST_PASSWORD)).status).toBe(429);
  });

  it('past the account ceiling, failing addresses wait for the long window; a fresh address still may try', async () => {
    const me = await signIn(t, ['applicant']);
    // Three addresses fail 10 + 10 + 5 times: the account reaches its ceiling of 25.
    await wrong('127.0.0.5', me.email, PER_PAIR);
    await wrong('127.0.0.6', me.email, PER_PAIR);
    expect(await wrong('127.0.0.7', me.email, 5)).toEqual(Array<number>(5).fill(401));
    // 127.0.0.7 is under its own limit, but it has been failing on an account past its ceiling.
    const held = await login('127.0.0.7', me.email, TEST_PASSWORD);
    expect(held.status).toBe(429);
    expect(Number(held.headers['retry-after'])).toBeGreaterThan(WINDOW_SECONDS);
    expect(Number(held.headers['retry-after'])).toBeLessThanOrEqual(ACCOUNT_WINDOW_SECONDS);
    // The short window passing does not free an address that has been failing.
    await sleep(WINDOW_SECONDS + 0.5);
    expect((await login('127.0.0.5', me.email, TEST_PASSWORD)).status).toBe(429);
    // A fresh address gets one guess, then waits too.
    expect(await wrong('127.0.0.8', me.email, 2)).toEqual([401, 429]);
    // The owner's address has not been failing: the right password signs in.
    expect((await login('127.0.0.9', me.email, TEST_PASSWORD)).status).toBe(200);
  });

  it('counts an unknown account like a known one (the answers reveal nothing)', async () => {
    const nobody = uniqueEmail('nobody');
    const statuses = await wrong('127.0.0.10', nobody, PER_PAIR + 1);
    expect(statuses).toEqual([...Array<number>(PER_PAIR).fill(401), 429]);
  });

  it('limits reset emails per account and address; another address can still ask, and nothing extra is sent', async () => {
    const me = await signIn(t, ['applicant']);
    const forgot = (from: string) => postFrom(t, from, '/api/v1/auth/forgot-password', { email: me.email });
    const sent = async () =>
      Number(
        (
          await t.db.query<Array<{ n: string }>>(
            `SELECT count(*) AS n FROM outbox WHERE payload->>'to' = $1 AND payload->>'template' = 'reset-password'`,
            [me.email],
          )
        )[0]?.n,
      );
    const statuses: number[] = [];
    for (let i = 0; i < PER_PAIR + 2; i++) statuses.push((await forgot('127.0.0.11')).status);
    expect(statuses).toEqual([...Array<number>(PER_PAIR).fill(202), 429, 429]);
    expect(await sent()).toBe(PER_PAIR);
    expect((await forgot('127.0.0.12')).status).toBe(202);
    expect(await sent()).toBe(PER_PAIR + 1);
  });

  it('counts in Redis, so another API instance sharing it sees the same failures', async () => {
    const other = await createTestApp({
      env: {
        QUEUE_PREFIX: t.env.QUEUE_PREFIX,
        LOGIN_THROTTLE_WINDOW_SECONDS: String(WINDOW_SECONDS),
        LOGIN_MAX_PER_ACCOUNT: String(PER_PAIR),
      },
    });
    try {
      const email = uniqueEmail('shared');
      const half = PER_PAIR / 2;
      expect(await wrong('127.0.0.13', email, half)).toEqual(Array<number>(half).fill(401));
      for (let i = 0; i < half; i++)
        expect((await postFrom(other, '127.0.0.13', '/api/v1/auth/login', { email, password: `x${i}` })).status).toBe(
          401,
        );
      expect((await login('127.0.0.13', email, 'and one more')).status).toBe(429);
    } finally {
      await other.close();
    }
  });
});

describe('Sign-in throttling per client address', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ env: { LOGIN_THROTTLE_WINDOW_SECONDS: '60', LOGIN_MAX_PER_IP: '5' } });
  });
  afterAll(() => t.close());

  it('answers 429 to an address past LOGIN_MAX_PER_IP attempts, whatever the accounts; others are unaffected', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++)
      statuses.push(
        (await postFrom(t, '127.0.0.20', '/api/v1/auth/login', { email: uniqueEmail(`spray${i}`), password: 'x' }))
          .status,
      );
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429]);
    const other = await postFrom(t, '127.0.0.21', '/api/v1/auth/login', { email: uniqueEmail('n'), password: 'x' });
    expect(other.status).toBe(401);
  });
});
