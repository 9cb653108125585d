import type { FieldError, ProblemParams } from '../errors/domain-error';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** RFC 9457 problem details, the one shape of every error this API returns. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  /** Stable, documented; the catalogue (libs/core/src/i18n) has its words in Vietnamese and English. */
  code?: string;
  /** The values the code's message interpolates. */
  params?: ProblemParams;
  errors?: FieldError[];
  errorId?: string;
  [extension: string]: unknown;
}

export const STATUS_TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** The code of an error the framework raises with a status and no code of its own. */
export const STATUS_CODES: Record<number, string> = {
  400: 'bad_request',
  401: 'not_authenticated',
  403: 'not_allowed',
  404: 'not_found',
  405: 'method_not_allowed',
  406: 'not_acceptable',
  409: 'conflict',
  413: 'content_too_large',
  415: 'unsupported_media_type',
  422: 'unprocessable',
  429: 'too_many_requests',
  503: 'service_unavailable',
};

export function problemType(code: string | undefined): string {
  return code ? `/problems/${code.replace(/_/g, '-')}` : 'about:blank';
}
