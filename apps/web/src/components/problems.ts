import type { TFunction } from 'i18next';
import { ApiError } from '../api/client';

/** Error codes the UI has its own words for (in both languages); others show the API's detail. */
const KNOWN_CODES = [
  'invalid_credentials',
  'email_not_verified',
  'email_taken',
  'invalid_token',
  'too_many_attempts',
  'wrong_password',
  'csrf_token_missing',
  'not_authenticated',
  'not_allowed',
  'unsubscribe_token_invalid',
] as const;
type KnownCode = (typeof KNOWN_CODES)[number];

function isKnown(code: string | undefined): code is KnownCode {
  return (KNOWN_CODES as readonly (string | undefined)[]).includes(code);
}

/** The sentence to show for an error, in the UI's language where we know the code. */
export function problemMessage(error: unknown, t: TFunction): string {
  if (!(error instanceof ApiError)) return t('errors.generic');
  if (error.status === 0) return t('errors.network');
  if (isKnown(error.code)) return t(`errors.${error.code}`);
  return error.problem.detail ?? t('errors.generic');
}

interface FormLike {
  getValues(): object;
  setFieldError(field: string, message: string): void;
}

/**
 * Puts the API's field errors next to the form's fields and returns the message for the rest
 * (null when every error found its field, so the same words are not shown twice).
 */
export function showProblem(form: FormLike, error: unknown, t: TFunction): string | null {
  if (!(error instanceof ApiError)) return problemMessage(error, t);
  const fields = Object.keys(form.getValues());
  const fieldErrors = error.problem.errors ?? [];
  let unplaced = 0;
  for (const fieldError of fieldErrors) {
    if (!fields.includes(fieldError.field)) {
      unplaced += 1;
      continue;
    }
    // Our own words for a known code (e.g. wrong_password); otherwise the API's message for the field.
    form.setFieldError(fieldError.field, isKnown(error.code) ? t(`errors.${error.code}`) : fieldError.message);
  }
  return fieldErrors.length > 0 && unplaced === 0 ? null : problemMessage(error, t);
}
