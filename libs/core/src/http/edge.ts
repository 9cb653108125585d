import type { FastifyBodyParser, FastifyInstance, FastifyRequest } from 'fastify';
import type { FieldError } from '../errors/domain-error';
import { JsonNotObjectError, JsonTooDeepError, MAX_JSON_DEPTH, cleanInput, jsonNestsDeeperThan } from './input-text';
import { sendProblem } from './problem-details.filter';
import { STATUS_TITLES } from './problem';
import { InputValidationError } from './validation';

type ParseDone = Parameters<FastifyBodyParser<Buffer>>[2];
type CallbackJsonParser = (request: FastifyRequest, body: string, done: ParseDone) => void;

/**
 * The JSON body parser: refuses a body nested deeper than MAX_JSON_DEPTH before parsing it, then
 * parses as Fastify does (proto and constructor poisoning refused), and takes only an object: every
 * body of this API is one, and a `null`, `[]` or `12` would otherwise reach a body-less action as
 * "no body" and run it. For `app.useBodyParser`.
 */
export function jsonBodyParser(fastify: FastifyInstance, maxDepth = MAX_JSON_DEPTH): FastifyBodyParser<Buffer> {
  // Fastify's own parser (callback form), which refuses `__proto__` and `constructor.prototype` keys.
  const parse = fastify.getDefaultJsonParser('error', 'error') as CallbackJsonParser;
  return (request, body, done) => {
    if (jsonNestsDeeperThan(body, maxDepth)) {
      done(new JsonTooDeepError(maxDepth));
      return;
    }
    parse(request, body.toString('utf8'), (error, parsed) => {
      if (error) return done(error);
      if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return done(new JsonNotObjectError());
      done(null, parsed);
    });
  };
}

/** Route patterns as Fastify matches them (`/a/:id`, `/calendar/:token.ics`) → a RegExp over paths. */
function patternOf(url: string): RegExp {
  const source = url
    .split(/(:[A-Za-z0-9_]+)/)
    .map((part) => (part.startsWith(':') ? '[^/]+?' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`);
}

/** Query parameters whose percent-encoding is not UTF-8 (e.g. `%ED%A0%80`, a lone surrogate), by name. */
function badlyEncodedQuery(url: string): FieldError[] {
  const query = url.split('?', 2)[1];
  if (!query) return [];
  const errors: FieldError[] = [];
  for (const pair of query.split('&')) {
    const [rawKey = '', rawValue = ''] = pair.split('=', 2);
    const decode = (text: string): string | undefined => {
      try {
        return decodeURIComponent(text.replace(/\+/g, ' '));
      } catch {
        return undefined;
      }
    };
    const key = decode(rawKey);
    if (key === undefined || decode(rawValue) === undefined) {
      const field = key ?? rawKey;
      errors.push({
        field,
        message: `${field} is not valid percent-encoded UTF-8`,
        code: 'validation.percent_encoding',
      });
    }
  }
  return errors;
}

function isPlainBody(body: unknown): boolean {
  return body !== null && body !== undefined && !Buffer.isBuffer(body) && typeof body !== 'function';
}

/**
 * The rules every request meets before any route sees it, for every route (Nest's and plugins'):
 * - text: every string of the body, query and path parameters (object keys included) is checked
 *   and normalised by cleanInput: control characters and lone surrogates are a 400 naming the field;
 * - a known path called with a method it does not have answers 405 with `Allow`, not 404;
 * - every answer that did not say how to cache itself says `Cache-Control: no-store` (API answers
 *   carry personal data; the web UI's static files set their own caching).
 * Install before the routes are registered (the 405 needs to see them all).
 */
export function installHttpEdge(fastify: FastifyInstance): void {
  const routes = new Map<string, { pattern: RegExp; methods: Set<string> }>();
  fastify.addHook('onRoute', (route) => {
    // A wildcard (the web UI's fallback) would make every path "exist": it never turns a 404 into a 405.
    if (route.url.includes('*')) return;
    const entry = routes.get(route.url) ?? { pattern: patternOf(route.url), methods: new Set<string>() };
    for (const method of ([] as string[]).concat(route.method)) entry.methods.add(method.toUpperCase());
    routes.set(route.url, entry);
  });
  const allowedMethods = (path: string): string[] => {
    const allowed = new Set<string>();
    for (const { pattern, methods } of routes.values()) if (pattern.test(path)) methods.forEach((m) => allowed.add(m));
    return [...allowed].sort();
  };

  fastify.addHook('onRequest', (request, reply, done) => {
    if (!request.is404) return done();
    const path = request.url.split('?', 1)[0];
    const allowed = allowedMethods(path);
    if (allowed.length === 0 || allowed.includes(request.method)) return done();
    sendProblem(reply.header('allow', allowed.join(', ')), request, {
      type: 'about:blank',
      title: STATUS_TITLES[405],
      status: 405,
      detail: `${request.method} is not allowed on ${path}; allowed: ${allowed.join(', ')}.`,
      code: 'method_not_allowed',
      params: { method: request.method, allowed },
    });
  });

  fastify.addHook('preValidation', (request, _reply, done) => {
    const errors = badlyEncodedQuery(request.url);
    const query = cleanInput(request.query);
    const params = cleanInput(request.params);
    errors.push(...query.errors, ...params.errors);
    let body: unknown = request.body;
    if (isPlainBody(request.body)) {
      const cleaned = cleanInput(request.body);
      errors.push(...cleaned.errors);
      body = cleaned.value;
    }
    if (errors.length) return done(new InputValidationError(errors));
    request.query = query.value;
    request.params = params.value;
    request.body = body;
    done();
  });

  fastify.addHook('onSend', (_request, reply, payload, done) => {
    if (!reply.hasHeader('cache-control')) void reply.header('cache-control', 'no-store');
    done(null, payload);
  });
}
