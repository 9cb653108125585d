// The API's catalogue of error and field-error words, the same files the server words its
// Accept-Language: vi answers and emails from: one sentence per code, in each language.
import en from '../../../../libs/core/src/i18n/problems.en.json';
import vi from '../../../../libs/core/src/i18n/problems.vi.json';
import type { Language } from '../api/client';

export type ProblemParams = Record<string, string | number | boolean | null | ReadonlyArray<string | number>>;

const CATALOGUES: Record<Language, Record<string, string>> = { vi, en };

/** The code of an error with a status and no code the catalogue knows (as the API names them). */
const STATUS_CODES: Record<number, string> = {
  400: 'bad_request',
  401: 'not_authenticated',
  403: 'not_allowed',
  404: 'not_found',
  405: 'method_not_allowed',
  409: 'conflict',
  413: 'content_too_large',
  415: 'unsupported_media_type',
  422: 'unprocessable',
  429: 'too_many_requests',
  500: 'internal_error',
  503: 'service_unavailable',
};

function interpolate(text: string, params: ProblemParams = {}): string {
  return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined || value === null) return '';
    return Array.isArray(value) ? value.join(', ') : String(value);
  });
}

/** The catalogue's words for a code in a language, or undefined when it has none. */
export function problemWords(language: Language, code: string | undefined, params?: ProblemParams): string | undefined {
  const text = code === undefined ? undefined : CATALOGUES[language][code];
  return text === undefined ? undefined : interpolate(text, params);
}

/** The catalogue's words for an HTTP status, for an error whose code it does not know. */
export const statusWords = (language: Language, status: number): string | undefined =>
  problemWords(language, STATUS_CODES[status]);
