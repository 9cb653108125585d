import type { FieldError, ProblemParams } from '../errors/domain-error';
import type { Problem } from '../http/problem';
import en from './problems.en.json';
import vi from './problems.vi.json';

export type ProblemLanguage = 'vi' | 'en';

/**
 * The words for every error and field-error code, one catalogue per language, shared with the web
 * (apps/web imports these JSON files) so a person reads the same sentence from the API and the UI.
 * Messages may use {{param}} placeholders from the problem's or field error's `params`.
 */
export const PROBLEM_CATALOGUES: Readonly<Record<ProblemLanguage, Readonly<Record<string, string>>>> = { vi, en };

/** Fills {{name}} placeholders; a list reads "a, b"; a missing value leaves nothing. */
export function interpolate(text: string, params: ProblemParams = {}): string {
  return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined || value === null) return '';
    return Array.isArray(value) ? value.join(', ') : String(value);
  });
}

/** The catalogue's sentence for a code in a language, or undefined when it has none. */
export function problemText(language: ProblemLanguage, code: string, params?: ProblemParams): string | undefined {
  const text = PROBLEM_CATALOGUES[language][code];
  return text === undefined ? undefined : interpolate(text, params);
}

/**
 * The language an API caller asked for with Accept-Language (`vi`, `vi-VN`, `en;q=0.8`…), by quality;
 * English, the language of the API's own words, when it names neither.
 */
export function languageOf(acceptLanguage: string | string[] | undefined): ProblemLanguage {
  const header = Array.isArray(acceptLanguage) ? acceptLanguage.join(',') : (acceptLanguage ?? '');
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...rest] = part.trim().split(';');
      const q = rest.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { base: tag.trim().toLowerCase().split('-')[0], q: q === undefined ? 1 : Number(q), index };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  const found = ranked.find((entry) => entry.base === 'vi' || entry.base === 'en');
  return (found?.base as ProblemLanguage | undefined) ?? 'en';
}

/**
 * The problem in the caller's language: English is what the API writes; in Vietnamese the detail and
 * each field error's message come from the catalogue (kept in English where it has no words yet).
 */
export function localizeProblem(problem: Problem, language: ProblemLanguage): Problem {
  if (language === 'en') return problem;
  const params = problem.params ?? {};
  const detail =
    (problem.code && problemText(language, problem.code, params)) ??
    problemText(language, `http.${problem.status}`) ??
    problem.detail;
  const errors = problem.errors?.map((error): FieldError => ({
    ...error,
    message: (error.code && problemText(language, error.code, error.params)) ?? error.message,
  }));
  return { ...problem, detail, ...(errors ? { errors } : {}) };
}
