import { randomUUID } from 'node:crypto';
import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, type DomainErrorKind, type FieldError, type ProblemParams } from '../errors/domain-error';
import { languageOf, localizeProblem } from '../i18n/catalogue';
import { OUTAGE_RETRY_AFTER_SECONDS, unavailableDependency } from './outage';
import { PROBLEM_CONTENT_TYPE, type Problem, STATUS_CODES, STATUS_TITLES, problemType } from './problem';

const KIND_STATUS: Record<DomainErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  unprocessable: 422,
  rate_limited: 429,
};

/** Errors raised by Fastify itself (bad JSON, body too large, wrong content type) carry a 4xx statusCode. */
interface FrameworkError {
  statusCode?: number;
  code?: string;
  message?: string;
}

function isFrameworkClientError(error: unknown): error is FrameworkError {
  const status = (error as FrameworkError | null)?.statusCode;
  return typeof status === 'number' && status >= 400 && status < 500;
}

/** A domain error's details that a message can interpolate (plain values and lists; never its field errors). */
function paramsOf(details: DomainError['details']): ProblemParams {
  const params: ProblemParams = {};
  for (const [key, value] of Object.entries(details)) {
    if (key === 'errors') continue;
    if (['string', 'number', 'boolean'].includes(typeof value) || value === null)
      params[key] = value as string | number | boolean | null;
    else if (Array.isArray(value) && value.every((v) => typeof v === 'string' || typeof v === 'number'))
      params[key] = value;
  }
  return params;
}

/** Every field error carries a code and params: its own, else the code of the error it belongs to. */
const withCodes = (errors: FieldError[], code: string, params: ProblemParams): FieldError[] =>
  errors.map((error) =>
    error.code ? { ...error, params: error.params ?? {} } : { ...error, code, params: error.params ?? params },
  );

/**
 * Builds the problem document for any thrown value, in English with a stable `code` and its `params`
 * (sendProblem puts it in the caller's language); logs the unexpected ones with an error id.
 */
export function toProblem(error: unknown, logger: Pick<Logger, 'error'>): Problem {
  if (error instanceof DomainError) {
    const status = KIND_STATUS[error.kind];
    // Details first: a detail named like a member of the problem (`status`, `title`…) never replaces it.
    return {
      ...error.details,
      type: problemType(error.code),
      title: STATUS_TITLES[status] ?? 'Error',
      status,
      detail: error.message,
      code: error.code,
      params: paramsOf(error.details),
      ...(error.details.errors ? { errors: withCodes(error.details.errors, error.code, paramsOf(error.details)) } : {}),
    };
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const body = error.getResponse();
    const detail =
      typeof body === 'string'
        ? body
        : typeof (body as { message?: unknown }).message === 'string'
          ? (body as { message: string }).message
          : error.message;
    // Keep structured extras a framework put in the body (e.g. the health report of a 503 readiness check).
    const extras =
      typeof body === 'object' && body !== null
        ? Object.fromEntries(
            Object.entries(body).filter(
              ([k, v]) => !['statusCode', 'message', 'status'].includes(k) && typeof v === 'object',
            ),
          )
        : {};
    if (status !== 500)
      return {
        type: 'about:blank',
        title: STATUS_TITLES[status] ?? 'Error',
        status,
        detail,
        code: STATUS_CODES[status] ?? `http.${status}`,
        params: {},
        ...extras,
      };
  } else if (isFrameworkClientError(error)) {
    const status = error.statusCode as number;
    return {
      type: 'about:blank',
      title: STATUS_TITLES[status] ?? 'Error',
      status,
      detail: error.message,
      // Fastify's own codes (fst_err_ctp_invalid_media_type…) name the failure precisely; the
      // catalogue words them by status (http.415).
      code: error.code?.toLowerCase() ?? STATUS_CODES[status] ?? `http.${status}`,
      params: {},
    };
  }
  const dependency = unavailableDependency(error);
  if (dependency) {
    // An outage, not a bug: the client is told to come back (Retry-After, set by sendProblem).
    logger.error({ err: error, dependency }, `Service unavailable: ${dependency} is unreachable`);
    return {
      type: problemType('service_unavailable'),
      title: STATUS_TITLES[503],
      status: 503,
      detail: 'The service is not available right now. Try again in a moment.',
      code: 'service_unavailable',
      params: {},
    };
  }
  const errorId = randomUUID();
  logger.error({ err: error, errorId }, `Unexpected error ${errorId}`);
  return {
    type: 'about:blank',
    title: 'Internal Server Error',
    status: 500,
    detail: `Something went wrong on our side. Quote error id ${errorId} when you report it.`,
    code: 'internal_error',
    params: { errorId },
    errorId,
  };
}

/**
 * Sends a problem in the language the request asked for (Accept-Language: vi or en; English otherwise).
 * A 503 (a dependency down, or not ready) tells the client when to retry.
 */
export function sendProblem(reply: FastifyReply, request: FastifyRequest, problem: Problem): void {
  const localized = localizeProblem(problem, languageOf(request.headers['accept-language']));
  if (problem.status === 503 && !reply.hasHeader('retry-after'))
    void reply.header('retry-after', String(OUTAGE_RETRY_AFTER_SECONDS));
  void reply
    .status(problem.status)
    .header('content-type', PROBLEM_CONTENT_TYPE)
    .header('content-language', languageOf(request.headers['accept-language']))
    .send({ ...localized, instance: request.url });
}

/** The one exception filter: every error leaves the API as RFC 9457 problem+json. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemDetails');

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    sendProblem(http.getResponse<FastifyReply>(), http.getRequest<FastifyRequest>(), toProblem(error, this.logger));
  }
}
