import type { TFunction } from 'i18next';
import { ApiError, type FieldError } from '../api/client';
import { currentLanguage } from '../i18n';
import { problemWords, statusWords } from '../i18n/problems';

/**
 * The sentence to show for an error in the UI's language, from the API's catalogue by the error's
 * code (with its params); an unknown code is worded by its status.
 */
export function problemMessage(error: unknown, t: TFunction): string {
  if (!(error instanceof ApiError)) return t('errors.generic');
  if (error.status === 0) return t('errors.network');
  const language = currentLanguage();
  return (
    problemWords(language, error.code, error.problem.params) ??
    statusWords(language, error.status) ??
    t('errors.generic')
  );
}

/**
 * The words for one field error in the UI's language, from the catalogue by its code and params
 * (the API's English message only for a code the catalogue does not know).
 */
export function fieldErrorMessage(fieldError: FieldError): string {
  return problemWords(currentLanguage(), fieldError.code, fieldError.params) ?? fieldError.message;
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
    form.setFieldError(fieldError.field, fieldErrorMessage(fieldError));
  }
  return fieldErrors.length > 0 && unplaced === 0 ? null : problemMessage(error, t);
}
