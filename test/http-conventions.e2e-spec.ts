import { MAX_JSON_DEPTH } from '@vgbf/core';
import { REDIS_CLIENT } from '@vgbf/queue';
import type { Redis } from 'ioredis';
import { ProbeController } from './support/probe.controller';
import { type TestApp, createTestApp } from './support/test-app';
import { signIn } from './support/users';

const PROBLEM = /^application\/problem\+json/;

describe('HTTP conventions', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ controllers: [ProbeController] });
  });
  afterAll(() => t.close());

  it('answers liveness and readiness with PostgreSQL and Redis up', async () => {
    await t.http.get('/health').expect(200, { status: 'ok' });
    const ready = await t.http.get('/health/ready').expect(200);
    expect(ready.body.info).toMatchObject({ postgres: { status: 'up' }, redis: { status: 'up' } });
  });

  it('accepts a valid body and transforms it', async () => {
    const body = { email: 'an@example.vn', rank: 2, referees: [{ name: 'Lan', email: 'lan@example.vn' }] };
    await t.http.post('/api/v1/probe').send(body).expect(201, body);
  });

  it('answers bad input with 400 problem+json listing each field error, nested ones by path', async () => {
    const res = await t.http
      .post('/api/v1/probe')
      .send({ email: 'not-an-email', rank: 9, referees: [{ name: 'A very long name', email: 'x@y.vn' }] })
      .expect(400)
      .expect('content-type', PROBLEM);
    expect(res.body).toMatchObject({
      type: '/problems/validation-failed',
      title: 'Bad Request',
      status: 400,
      code: 'validation_failed',
    });
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['email', 'rank', 'referees.0.name']);
    expect(
      res.body.errors.every((e: { message: string }) => typeof e.message === 'string' && e.message.length > 0),
    ).toBe(true);
    expect(res.body.instance).toBe('/api/v1/probe');
  });

  it('rejects an unknown property instead of silently dropping it', async () => {
    const res = await t.http
      .post('/api/v1/probe')
      .send({ email: 'an@example.vn', rank: 1, referees: [], isAdmin: true })
      .expect(400);
    expect(res.body.errors).toEqual([
      {
        field: 'isAdmin',
        message: 'property isAdmin should not exist',
        code: 'validation.unknown_property',
        params: {},
      },
    ]);
  });

  it('answers malformed JSON with a 400 problem, not a 500', async () => {
    const res = await t.http
      .post('/api/v1/probe')
      .set('content-type', 'application/json')
      .send('{"email": ')
      .expect(400)
      .expect('content-type', PROBLEM);
    expect(res.body.status).toBe(400);
  });

  it('refuses a body over the size limit with 413', async () => {
    const res = await t.http
      .post('/api/v1/probe')
      .send({ email: 'x'.repeat(t.config.BODY_LIMIT_BYTES + 1) })
      .expect(413)
      .expect('content-type', PROBLEM);
    expect(res.body.title).toBe('Content Too Large');
  });

  it('answers an unexpected error with 500 and an error id that is in the log, never the error itself', async () => {
    const res = await t.http.get('/api/v1/probe/boom').expect(500).expect('content-type', PROBLEM);
    expect(res.body.errorId).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.stringify(res.body)).not.toMatch(/exploded|postgres:|at .*\.ts/);
    const logged = t.logs.entries().find((e) => e.errorId === res.body.errorId);
    expect(logged).toBeDefined();
    expect(JSON.stringify(logged)).toMatch(/database exploded/);
  });

  it('maps a domain error to its status with its code and extra details', async () => {
    const res = await t.http.get('/api/v1/probe/conflict').expect(409);
    expect(res.body).toMatchObject({
      type: '/problems/deadline-passed',
      code: 'deadline_passed',
      status: 409,
      deadline: '2027-03-31T16:59:00.000Z',
    });
  });

  it('answers an unknown route with a 404 problem', async () => {
    const res = await t.http.get('/api/v1/nothing-here').expect(404).expect('content-type', PROBLEM);
    expect(res.body.detail).toContain('/api/v1/nothing-here');
  });

  it('answers a known path called with a method it lacks with 405, an Allow header and a problem', async () => {
    const res = await t.http.delete('/api/v1/probe').expect(405).expect('content-type', PROBLEM);
    expect(res.headers.allow).toBe('POST');
    expect(res.body).toMatchObject({ status: 405, title: 'Method Not Allowed', instance: '/api/v1/probe' });
    const me = await t.http.put('/api/v1/me').send({}).expect(405).expect('content-type', PROBLEM);
    expect(me.headers.allow).toBe('GET, HEAD, PATCH');
    // A path with a parameter matches its pattern; an unknown path stays a 404.
    const cohort = await t.http.put('/api/v1/cohorts/00000000-0000-4000-8000-000000000000').expect(405);
    expect(cohort.headers.allow).toBe('GET, HEAD, PATCH');
    await t.http.delete('/api/v1/nothing-here').expect(404).expect('content-type', PROBLEM);
  });

  it('says Cache-Control: no-store on every API answer unless the route says otherwise', async () => {
    const student = await signIn(t, ['applicant']);
    const me = await t.http.get('/api/v1/me').set('authorization', student.bearer).expect(200);
    expect(me.headers['cache-control']).toBe('no-store');
    for (const res of [
      await t.http.get('/api/v1/me').expect(401),
      await t.http.post('/api/v1/probe').send({ email: 'x' }).expect(400),
      await t.http.get('/api/v1/nothing-here').expect(404),
      await t.http.get('/health').expect(200),
    ])
      expect(res.headers['cache-control']).toBe('no-store');
    const cached = await t.http.get('/api/v1/probe/cached').expect(200);
    expect(cached.headers['cache-control']).toBe('public, max-age=60');
  });

  it('refuses JSON nested deeper than the limit before parsing it, and takes it up to the limit', async () => {
    const nested = (levels: number) =>
      `{"email":"an@example.vn","rank":1,"referees":[],"x":${'['.repeat(levels - 1)}${']'.repeat(levels - 1)}}`;
    for (const levels of [MAX_JSON_DEPTH + 1, 5_000, 100_000]) {
      const res = await t.http.post('/api/v1/probe').set('content-type', 'application/json').send(nested(levels));
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(PROBLEM);
      expect(res.body.code).toBe('json_too_deep');
    }
    // At the limit the body is parsed, and the unknown property is what is refused.
    const atLimit = await t.http
      .post('/api/v1/probe')
      .set('content-type', 'application/json')
      .send(nested(MAX_JSON_DEPTH));
    expect(atLimit.status).toBe(400);
    expect(atLimit.body.errors).toEqual([
      { field: 'x', message: 'property x should not exist', code: 'validation.unknown_property', params: {} },
    ]);
  });

  it('stores text in NFC and refuses control characters and lone surrogates anywhere, naming the field', async () => {
    const decomposed = 'Nguye\u0302\u0303n';
    const ok = await t.http
      .post('/api/v1/probe')
      .send({ email: 'an@example.vn', rank: 1, referees: [{ name: decomposed, email: 'lan@example.vn' }] })
      .expect(201);
    expect(ok.body.referees[0].name).toBe('Nguyễn');
    const res = await t.http
      .post('/api/v1/probe')
      .set('content-type', 'application/json')
      .send('{"email":"an@example.vn","rank":1,"referees":[{"name":"a\\ud800","email":"x\\u0000@y.vn"}]}')
      .expect(400)
      .expect('content-type', PROBLEM);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['referees.0.name', 'referees.0.email']);
    const query = await t.http.get('/api/v1/probe/conflict?q=a%00b&r=%ED%A0%80').expect(400);
    expect(query.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['q', 'r']);
  });

  it('takes only an object as a JSON body', async () => {
    for (const body of ['null', '[]', '12', '"x"', 'true']) {
      const res = await t.http.post('/api/v1/probe').set('content-type', 'application/json').send(body);
      expect([res.status, res.body.code]).toEqual([400, 'json_body_not_object']);
    }
  });

  it('sends security headers and echoes a request id', async () => {
    const res = await t.http.get('/health').set('x-request-id', 'req-test-12345').expect(200);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBeDefined();
    expect(res.headers['x-request-id']).toBe('req-test-12345');
    const generated = await t.http.get('/health');
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('logs requests as JSON with their request id and never logs credentials', async () => {
    await t.http
      .post('/api/v1/probe')
      .set('authorization', 'Bearer very-secret-token')
      .set('cookie', 'vgbf_session=very-secret-cookie')
      .set('x-request-id', 'req-redaction-1')
      .send({ email: 'an@example.vn', rank: 1, referees: [] })
      .expect(201);
    const entry = t.logs.entries().find((e) => (e.req as { id?: string } | undefined)?.id === 'req-redaction-1');
    expect(entry).toBeDefined();
    expect(t.logs.text).not.toMatch(/very-secret/);
    expect(JSON.stringify(entry)).toContain('[redacted]');
  });

  it('publishes the OpenAPI document generated from the DTOs', async () => {
    const res = await t.http.get('/api/docs-json').expect(200);
    expect(res.body.openapi).toMatch(/^3\./);
    expect(Object.keys(res.body.paths)).toEqual(expect.arrayContaining(['/health', '/health/ready']));
    await t.http.get('/api/docs').expect(200).expect('content-type', /html/);
  });

  it('reports 503 problem+json naming Redis when Redis is unreachable, PostgreSQL still up', async () => {
    const redis = t.app.get<Redis>(REDIS_CLIENT);
    redis.disconnect();
    const res = await t.http.get('/health/ready').expect(503).expect('content-type', PROBLEM);
    expect(res.body.status).toBe(503);
    expect(res.body.info).toMatchObject({ postgres: { status: 'up' } });
    expect(res.body.error.redis.status).toBe('down');
    await redis.connect();
    await t.http.get('/health/ready').expect(200);
  });
});
