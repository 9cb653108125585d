import { randomUUID } from 'node:crypto';
import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, type DomainErrorKind } from '../errors/domain-error';
import { PROBLEM_CONTENT_TYPE, type Problem, STATUS_TITLES, problemType } from './problem';

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

/** Builds the problem document for any thrown value; logs the unexpected ones with an error id. */
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
      return { type: 'about:blank', title: STATUS_TITLES[status] ?? 'Error', status, detail, ...extras };
  } else if (isFrameworkClientError(error)) {
    const status = error.statusCode as number;
    return {
      type: 'about:blank',
      title: STATUS_TITLES[status] ?? 'Error',
      status,
      detail: error.message,
      code: error.code?.toLowerCase(),
    };
  }
  const errorId = randomUUID();
  logger.error({ err: error, errorId }, `Unexpected error ${errorId}`);
  return {
    type: 'about:blank',
    title: 'Internal Server Error',
    status: 500,
    detail: `Something went wrong on our side. Quote error id ${errorId} when you report it.`,
    errorId,
  };
}

export function sendProblem(reply: FastifyReply, request: FastifyRequest, problem: Problem): void {
  void reply
    .status(problem.status)
    .header('content-type', PROBLEM_CONTENT_TYPE)
    .send({ ...problem, instance: request.url });
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
