import Fastify, { type FastifyInstance } from 'fastify';
import { installHttpEdge, jsonBodyParser } from './edge';
import { sendProblem, toProblem } from './problem-details.filter';

describe(installHttpEdge.name, () => {
  let fastify: FastifyInstance;

  beforeAll(async () => {
    fastify = Fastify();
    installHttpEdge(fastify);
    // The app's error layer (Nest's, with the one filter), reduced to what it does with an error.
    fastify.setErrorHandler((error, request, reply) =>
      sendProblem(reply, request, toProblem(error, { error: () => {} })),
    );
    fastify.removeContentTypeParser('application/json');
    fastify.addContentTypeParser('application/json', { parseAs: 'buffer' }, jsonBodyParser(fastify));
    fastify.get('/items/:id', (request) => ({ params: request.params, query: request.query }));
    fastify.patch('/items/:id', (request) => request.body);
    fastify.get('/calendar/:token.ics', () => 'BEGIN:VCALENDAR');
    fastify.get('/cached', (_request, reply) => reply.header('cache-control', 'public, max-age=60').send('ok'));
    fastify.get('/*', () => 'the web app');
    await fastify.ready();
  });
  afterAll(() => fastify.close());

  it('answers a known path called with another method 405 with Allow, whatever its parameters', async () => {
    const res = await fastify.inject({ method: 'DELETE', url: '/items/42?x=1' });
    expect(res.statusCode).toBe(405);
    expect(res.headers.allow).toBe('GET, HEAD, PATCH');
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect((await fastify.inject({ method: 'POST', url: '/calendar/abc.ics' })).headers.allow).toBe('GET, HEAD');
  });

  it('leaves an unknown path (and the wildcard fallback) to the not-found handler', async () => {
    expect((await fastify.inject({ method: 'POST', url: '/items/42/nothing' })).statusCode).toBe(404);
    expect((await fastify.inject({ method: 'POST', url: '/calendar/abc.pdf' })).statusCode).toBe(404);
  });

  it('says no-store unless the route said how to cache', async () => {
    expect((await fastify.inject({ url: '/items/1' })).headers['cache-control']).toBe('no-store');
    expect((await fastify.inject({ url: '/cached' })).headers['cache-control']).toBe('public, max-age=60');
  });

  it('hands routes their query, parameters and body in NFC, and refuses control characters', async () => {
    const decomposed = encodeURIComponent('Nguye\u0302\u0303n');
    const res = await fastify.inject({ url: `/items/${decomposed}?q=${decomposed}` });
    expect(res.json()).toEqual({ params: { id: 'Nguyễn' }, query: { q: 'Nguyễn' } });
    const body = await fastify.inject({ method: 'PATCH', url: '/items/1', payload: { name: 'Nguye\u0302\u0303n' } });
    expect(body.json()).toEqual({ name: 'Nguyễn' });
    const query = await fastify.inject({ url: '/items/1?q=a%00' });
    expect([query.statusCode, query.json().errors]).toEqual([
      400,
      [
        {
          field: 'q',
          message: 'q must not contain control characters (found U+0000)',
          code: 'validation.control_characters',
          params: { character: 'U+0000' },
        },
      ],
    ]);
    expect((await fastify.inject({ method: 'PATCH', url: '/items/1', payload: { name: 'a\u0007' } })).statusCode).toBe(
      400,
    );
  });
});
