import { existsSync } from 'node:fs';
import { join } from 'node:path';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import { RequestMethod, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AppConfig, loadConfig, projectRoot } from '@vgbf/config';
import {
  ProblemDetailsFilter,
  createValidationPipe,
  installHttpEdge,
  installRequestLogging,
  jsonBodyParser,
  requestId,
} from '@vgbf/core';
import helmet from 'helmet';
import { ClsService } from 'nestjs-cls';
import { Logger, PinoLogger } from 'nestjs-pino';
import { mountQueueDashboard } from './queue-dashboard';

export const API_PREFIX = 'api/v1';

/**
 * Everything an API instance needs besides its modules, shared by main.ts and the e2e harness
 * so tests drive exactly what production runs.
 */
export async function configureApi(app: NestFastifyApplication): Promise<void> {
  const config = app.get(AppConfig);
  const logger = app.get(Logger);
  app.useLogger(logger);
  app.flushLogs();

  // First, so its route table sees every route and its rules hold for plugins' routes too.
  const fastify = app.getHttpAdapter().getInstance();
  installHttpEdge(fastify);
  // Each request's context (its transaction's, nestjs-cls) and its log line, from one Fastify hook.
  const cls = app.get(ClsService);
  installRequestLogging(fastify, { logger: () => PinoLogger.root, within: (next) => cls.run(next) });
  app.useBodyParser('application/json', { bodyLimit: config.BODY_LIMIT_BYTES }, jsonBodyParser(fastify));

  app.setGlobalPrefix(API_PREFIX, {
    exclude: [
      { path: 'health', method: RequestMethod.GET },
      { path: 'health/ready', method: RequestMethod.GET },
    ],
  });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ProblemDetailsFilter());
  app.enableShutdownHooks();
  let closing = false;
  fastify
    .addHook('onRequest', (request, reply, done) => {
      void reply.header('x-request-id', request.id);
      done();
    })
    .addHook('onSend', (_request, reply, payload, done) => {
      if (closing) void reply.header('connection', 'close');
      done(null, payload);
    })
    // Once shutdown starts, answers close their keep-alive connection, so a request in flight at
    // SIGTERM is answered and the server can then close instead of waiting for idle sockets.
    .addHook('preClose', (done) => {
      closing = true;
      done();
    });

  await app.register(cookie);
  // Helmet's headers on every answer. One middleware built here, not per request (@fastify/helmet
  // rebuilt it, CSP directives parsed again, on each one: ≈ 25 µs of a submit's CPU).
  const securityHeaders = helmet({
    // Swagger UI needs inline scripts and styles; everything else keeps helmet's defaults.
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", "'unsafe-inline'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
      },
    },
    hsts: config.isProduction,
  });
  fastify.addHook('onRequest', (request, reply, done) =>
    securityHeaders(request.raw, reply.raw, (error?: unknown) => done(error as Error | undefined)),
  );
  // Multipart bodies reach handlers as streams (request.file()); a route raises fileSize for itself.
  // These defaults keep any other multipart request small: one file of up to BODY_LIMIT_BYTES, a few short fields.
  await app.register(multipart, {
    limits: { fileSize: config.BODY_LIMIT_BYTES, files: 1, fields: 10, fieldSize: 1024, parts: 20, headerPairs: 100 },
  });

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('VGBF Cohort API')
      .setDescription(
        'Runs the Vietnam Global Biz Fellows program. Every error is RFC 9457 problem+json; bad input answers 400 with `errors: [{field, message}]`.',
      )
      .setVersion('1')
      .addCookieAuth('vgbf_session')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  await serveWebUi(app);
  await mountQueueDashboard(app);
}

/**
 * Paths the single-page app never answers: an unknown one there stays the API's 404 problem. The
 * admin console (/admin, /admin/…) is the app's; only the queue dashboard below it is not.
 */
const NOT_WEB_UI = /^\/(api|health|admin\/queues)(\/|\?|$)/;

/** apps/web/dist of this checkout. */
export function webUiDirectory(): string {
  return join(projectRoot(), 'apps', 'web', 'dist');
}

/**
 * The web UI (apps/web, built by `npm run build --prefix apps/web`) from the same origin as the API, so
 * the session cookie and CSRF cookie just work. Any other GET outside /api, /health and /admin/queues gets
 * index.html and the app's router takes over. Without a build (API-only tests) nothing is served.
 */
async function serveWebUi(app: NestFastifyApplication, root = webUiDirectory()): Promise<void> {
  if (!existsSync(join(root, 'index.html'))) return;
  const fastify = app.getHttpAdapter().getInstance();
  await app.register(fastifyStatic, {
    root,
    prefix: '/',
    wildcard: false, // one route per built file; the SPA fallback below owns the wildcard
    index: false,
    setHeaders: (reply, path) => {
      // Hashed asset names change with their content: cache them for good; never cache index.html.
      void reply.header(
        'cache-control',
        path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
  });
  fastify.get('/*', (request, reply) => {
    if (NOT_WEB_UI.test(request.url)) return reply.callNotFound();
    return reply.sendFile('index.html', root);
  });
}

export function createFastifyAdapter(config: AppConfig): FastifyAdapter {
  return new FastifyAdapter({
    bodyLimit: config.BODY_LIMIT_BYTES,
    trustProxy: config.isProduction,
    // On SIGTERM: stop accepting, answer 503 to new requests on kept-alive sockets, finish in-flight ones.
    return503OnClosing: true,
    forceCloseConnections: 'idle',
    // One request id per request: the caller's X-Request-Id when sane, else a UUID; logged and echoed.
    requestIdHeader: false,
    genReqId: requestId,
  });
}

export async function createApi(rootModule: Type): Promise<NestFastifyApplication> {
  const adapter = createFastifyAdapter(loadConfig());
  const app = await NestFactory.create<NestFastifyApplication>(rootModule, adapter, { bufferLogs: true });
  await configureApi(app);
  return app;
}
