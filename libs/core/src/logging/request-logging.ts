import { AsyncLocalStorage } from 'node:async_hooks';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';

/** The request being served, for the log lines written while serving it. */
const current = new AsyncLocalStorage<FastifyRequest>();

/**
 * pino's `mixin` (LoggingModule): a line logged while serving a request carries the request's id,
 * method and URL as `req`. A line that names its own `req` (the request's last line) keeps it.
 * Computed only when a line is written, so a request that logs nothing else costs nothing here.
 */
export function requestLogFields(): Record<string, unknown> {
  const request = current.getStore();
  return request ? { req: { id: request.id, method: request.method, url: request.url } } : {};
}

/** Paths whose requests are not logged: load balancers poll health every few seconds. */
export function unloggedPath(url: string): boolean {
  return url.startsWith('/health') && (url.length === 7 || url[7] === '/' || url[7] === '?');
}

/** Set on the raw request of one whose client went away first (and was logged then): rare, so only then. */
const abortLogged = Symbol('vgbf.abortLogged');
type RawRequest = FastifyRequest['raw'] & { [abortLogged]?: true };

/** The level of a request's line: error for 5xx, warn for 4xx, info otherwise (as before, with pino-http). */
export function requestLogLevel(statusCode: number): 'error' | 'warn' | 'info' {
  return statusCode >= 500 ? 'error' : statusCode >= 400 ? 'warn' : 'info';
}

export interface RequestLoggingOptions {
  /** The root logger (the app's pino logger, with its redaction and serializers). */
  logger: () => Logger;
  /**
   * Runs the rest of the request inside another per-request context (the transaction's, nestjs-cls),
   * so both are opened by one hook.
   */
  within?: (next: () => void) => void;
}

/**
 * One line per request, written when its answer is sent (or when the client goes away first), with the
 * request (serialized and redacted by the logger's `req` serializer and REDACTED_PATHS), the answer,
 * its time and the request's level — what pino-http wrote, without a child logger built for every
 * request up front: lines written during a request get its id from `requestLogFields`. Fastify hooks,
 * not Nest middleware, so a request goes through no middleware chain to get its context.
 */
export function installRequestLogging(fastify: FastifyInstance, { logger, within }: RequestLoggingOptions): void {
  fastify.addHook('onRequest', (request, _reply, done) => {
    // pino's request serializer reads the id from the raw request, as pino-http set it.
    (request.raw as { id?: unknown }).id = request.id;
    current.run(request, within ? () => within(done) : done);
  });
  fastify.addHook('onResponse', (request, reply, done) => {
    if (!unloggedPath(request.url) && !(request.raw as RawRequest)[abortLogged]) {
      const statusCode = reply.raw.statusCode;
      const fields = { req: request.raw, res: reply.raw, responseTime: Math.round(reply.elapsedTime) };
      if (statusCode >= 500) {
        logger().error({ ...fields, err: new Error(`failed with status code ${statusCode}`) }, 'request errored');
      } else {
        logger()[requestLogLevel(statusCode)](fields, 'request completed');
      }
    }
    done();
  });
  // The client went away before its answer: still one line for the request (and none more).
  fastify.addHook('onRequestAbort', (request, done) => {
    if (!unloggedPath(request.url)) {
      (request.raw as RawRequest)[abortLogged] = true;
      logger().warn({ req: request.raw }, 'request aborted');
    }
    done();
  });
}
