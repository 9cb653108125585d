import { type TestApp, createTestApp } from '../support/test-app';
import { PrivateRedis } from './private-redis';
import { sleep } from './processes';

/**
 * Issue 16: "when Redis is unreachable, the API answers 503 problem+json with Retry-After (not 500)",
 * and its readiness check names Redis as the dependency that is down. The real API on a
 * redis-server of this test's own, stopped and started again.
 */
describe('Resilience: Redis is stopped under the API', () => {
  const redis = new PrivateRedis();
  let t: TestApp;

  beforeAll(async () => {
    await redis.start();
    t = await createTestApp({ env: { REDIS_URL: redis.url } });
  });
  afterAll(async () => {
    await t?.close();
    await redis.stop();
  });

  // Sign-in counts attempts in Redis before it looks at the password.
  const login = () =>
    t.http.post('/api/v1/auth/login').send({ email: 'nobody@example.vn', password: 'not the password at all' });

  it('answers 503 with Retry-After while Redis is down, names Redis in readiness, and recovers', async () => {
    expect((await login()).status).toBe(401);
    expect((await t.http.get('/health/ready')).status).toBe(200);

    await redis.stop();
    const down = await login();
    const ready = await t.http.get('/health/ready');
    console.log(
      `Redis stopped: login ${down.status} ${String((down.body as { code?: string }).code)}, retry-after ` +
        `${String(down.headers['retry-after'])}; ready ${ready.status} ${JSON.stringify((ready.body as { error?: unknown }).error)}`,
    );
    expect(down.status).toBe(503);
    expect(down.headers['content-type']).toContain('application/problem+json');
    expect(down.headers['retry-after']).toMatch(/^\d+$/);
    expect(down.body).toMatchObject({ code: 'service_unavailable', status: 503 });
    expect(ready.status).toBe(503);
    expect(ready.headers['retry-after']).toMatch(/^\d+$/);
    expect(ready.body).toMatchObject({ error: { redis: { status: 'down' } }, info: { postgres: { status: 'up' } } });

    await redis.resume();
    const resumedAt = Date.now();
    let status = 0;
    while (Date.now() - resumedAt < 10_000 && (status = (await login()).status) === 503) await sleep(50);
    console.log(`Redis back: login ${status} after ${Date.now() - resumedAt} ms`);
    expect(status).toBe(401);
  });
});
