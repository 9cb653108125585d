import { AsyncLocalStorage } from 'node:async_hooks';
import { request } from 'node:http';
import { Writable } from 'node:stream';
import Fastify, { type FastifyInstance } from 'fastify';
import { pinoHttp } from 'pino-http';
import { REDACTED_PATHS } from './logging.module';
import { installRequestLogging, requestLogFields, requestLogLevel, unloggedPath } from './request-logging';

const opened: FastifyInstance[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((f) => f.close()));
});

/** A Fastify app logging as the API does: pino-http's root logger (its serializers), our mixin and redaction. */
function app(): {
  fastify: FastifyInstance;
  lines: () => Array<Record<string, unknown>>;
  other: AsyncLocalStorage<string>;
} {
  const written: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      written.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      callback();
    },
  });
  const logger = pinoHttp(
    { base: { process: 'api' }, mixin: requestLogFields, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } },
    sink,
  ).logger;
  const other = new AsyncLocalStorage<string>();
  let n = 0;
  const fastify = Fastify({ genReqId: (req) => String(req.headers['x-request-id'] ?? `generated-${++n}`) });
  opened.push(fastify);
  installRequestLogging(fastify, { logger: () => logger, within: (next) => other.run('inside', next) });
  fastify.get('/ok', () => {
    logger.info({ step: 'handler' }, 'working');
    return { context: other.getStore() ?? null };
  });
  fastify.post('/ok', async (request) => {
    await new Promise((resolve) => setImmediate(resolve));
    logger.info({ step: 'after-await' }, 'still working');
    return { body: request.body, context: other.getStore() ?? null };
  });
  fastify.get('/missing', (_request, reply) => reply.code(404).send({ code: 'not_found' }));
  fastify.get('/boom', () => {
    throw new Error('exploded');
  });
  fastify.get('/slow', async () => {
    await new Promise((resolve) => setTimeout(resolve, 300));
    return { late: true };
  });
  fastify.get('/health', () => ({ status: 'ok' }));
  fastify.get('/health/ready', () => ({ status: 'ok' }));
  return { fastify, lines: () => written.map((line) => JSON.parse(line) as Record<string, unknown>), other };
}

const completion = (lines: Array<Record<string, unknown>>, id: string) =>
  lines.filter((l) => (l.req as { id?: string } | undefined)?.id === id && typeof l.responseTime === 'number');

describe('request logging', () => {
  it('writes one line per request with the request, its answer and time, and never its credentials', async () => {
    const { fastify, lines } = app();
    const res = await fastify.inject({
      method: 'GET',
      url: '/ok?x=1',
      headers: { 'x-request-id': 'req-1', authorization: 'Bearer secret-token', cookie: 'vgbf_session=secret-cookie' },
    });
    expect(res.json()).toEqual({ context: 'inside' });
    const [line, ...more] = completion(lines(), 'req-1');
    expect(more).toHaveLength(0);
    expect(line).toMatchObject({
      level: 30,
      process: 'api',
      msg: 'request completed',
      req: {
        id: 'req-1',
        method: 'GET',
        url: '/ok?x=1',
        headers: { authorization: '[redacted]', cookie: '[redacted]' },
      },
      res: { statusCode: 200 },
    });
    expect(JSON.stringify(lines())).not.toMatch(/secret/);
  });

  it('gives every line written while serving a request its id, across awaits, and none to lines outside', async () => {
    const { fastify, lines } = app();
    const res = await fastify.inject({
      method: 'POST',
      url: '/ok',
      headers: { 'x-request-id': 'req-2' },
      payload: { a: 1 },
    });
    expect(res.json()).toEqual({ body: { a: 1 }, context: 'inside' });
    expect(lines().find((l) => l.step === 'after-await')).toMatchObject({
      req: { id: 'req-2', method: 'POST', url: '/ok' },
    });
    await fastify.inject({ method: 'GET', url: '/ok', headers: { 'x-request-id': 'req-3' } });
    expect(lines().find((l) => l.step === 'handler')).toMatchObject({ req: { id: 'req-3' } });
    expect(requestLogFields()).toEqual({});
  });

  it('logs 4xx as warn and 5xx as error ("request errored"), and health probes not at all', async () => {
    const { fastify, lines } = app();
    await fastify.inject({ method: 'GET', url: '/missing', headers: { 'x-request-id': 'req-4' } });
    await fastify.inject({ method: 'GET', url: '/boom', headers: { 'x-request-id': 'req-5' } });
    await fastify.inject({ method: 'GET', url: '/health', headers: { 'x-request-id': 'req-6' } });
    await fastify.inject({ method: 'GET', url: '/health/ready', headers: { 'x-request-id': 'req-7' } });
    expect(completion(lines(), 'req-4')).toEqual([expect.objectContaining({ level: 40, msg: 'request completed' })]);
    expect(completion(lines(), 'req-5')).toEqual([
      expect.objectContaining({
        level: 50,
        msg: 'request errored',
        err: expect.objectContaining({ message: 'failed with status code 500' }),
      }),
    ]);
    expect(completion(lines(), 'req-6')).toEqual([]);
    expect(completion(lines(), 'req-7')).toEqual([]);
  });

  it('writes one line, "request aborted", for a request whose client goes away before its answer', async () => {
    const { fastify, lines } = app();
    await fastify.listen({ port: 0, host: '127.0.0.1' });
    const { port } = fastify.server.address() as { port: number };
    await new Promise<void>((resolve) => {
      const req = request({ host: '127.0.0.1', port, path: '/slow', headers: { 'x-request-id': 'req-8' } });
      req.on('error', () => resolve());
      req.end();
      setTimeout(() => req.destroy(), 50);
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
    const mine = lines().filter((l) => (l.req as { id?: string } | undefined)?.id === 'req-8');
    expect(mine).toEqual([expect.objectContaining({ level: 40, msg: 'request aborted' })]);
  });

  it('chooses levels and unlogged paths as documented', () => {
    expect([200, 302, 400, 404, 499, 500, 503].map(requestLogLevel)).toEqual([
      'info',
      'info',
      'warn',
      'warn',
      'warn',
      'error',
      'error',
    ]);
    expect(['/health', '/health/ready', '/health?x=1'].map(unloggedPath)).toEqual([true, true, true]);
    expect(['/healthy', '/api/v1/health', '/api/v1/applications'].map(unloggedPath)).toEqual([false, false, false]);
  });
});
