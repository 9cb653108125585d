import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from './schema';

export type User = components['schemas']['UserView'];
export type Role = User['roles'][number];
export type Language = User['language'];

/** Values an error's words interpolate ({{max}}, {{min}}…). */
export type ProblemParams = Record<string, string | number | boolean | null | ReadonlyArray<string | number>>;

/** One field error of a 400 answer: a stable code and its params; `message` is the API's English. */
export interface FieldError {
  field: string;
  message: string;
  code?: string;
  params?: ProblemParams;
}

/** RFC 9457 problem details, the shape of every error the API answers. */
export interface ProblemDetails {
  type?: string;
  title?: string;
  status: number;
  detail?: string;
  code?: string;
  params?: ProblemParams;
  errors?: FieldError[];
  errorId?: string;
}

/** Thrown by `call` for any non-2xx answer (and for a network failure, with status 0). */
export class ApiError extends Error {
  constructor(readonly problem: ProblemDetails) {
    super(problem.detail ?? problem.title ?? `HTTP ${problem.status}`);
    this.name = 'ApiError';
  }

  get status(): number {
    return this.problem.status;
  }

  get code(): string | undefined {
    return this.problem.code;
  }
}

export const CSRF_COOKIE = 'vgbf_csrf';
export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function readCookie(name: string): string | undefined {
  for (const part of document.cookie.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

/** Double-submit CSRF: every unsafe request echoes the readable vgbf_csrf cookie in a header. */
export const csrfMiddleware: Middleware = {
  onRequest({ request }) {
    if (SAFE_METHODS.has(request.method.toUpperCase())) return undefined;
    const token = readCookie(CSRF_COOKIE);
    if (token) request.headers.set(CSRF_HEADER, token);
    return request;
  },
};

/** The typed client: paths and bodies come from schema.d.ts, generated from the API's OpenAPI document. */
export const api = createClient<paths>({ baseUrl: '', credentials: 'include' });
/**
 * Asks for the page's language (vi/en, set on <html lang> by i18n) so that the API's own words (an
 * error's detail, for anything the UI does not word itself) match the UI.
 */
export const languageMiddleware: Middleware = {
  onRequest({ request }) {
    const language = document.documentElement.lang;
    if (language === 'vi' || language === 'en') request.headers.set('accept-language', language);
    return request;
  },
};
api.use(csrfMiddleware);
api.use(languageMiddleware);

function toProblem(response: Response, error: unknown): ProblemDetails {
  if (error && typeof error === 'object') return { status: response.status, ...(error as Partial<ProblemDetails>) };
  return { status: response.status, detail: typeof error === 'string' && error ? error : response.statusText };
}

/**
 * Awaits an openapi-fetch call and returns its data, or throws an ApiError carrying the problem
 * details; a network failure becomes an ApiError with status 0.
 */
export async function call<T>(request: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  let result: { data?: T; error?: unknown; response: Response };
  try {
    result = await request;
  } catch (cause) {
    throw new ApiError({ status: 0, code: 'network', detail: String(cause) });
  }
  if (!result.response.ok) throw new ApiError(toProblem(result.response, result.error));
  return result.data as T;
}
