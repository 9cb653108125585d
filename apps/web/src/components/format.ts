import type { TFunction } from 'i18next';
import { ApiError } from '../api/client';
import { fieldErrorMessage, problemMessage } from './problems';

const locale = (language: string) => (language === 'vi' ? 'vi-VN' : 'en-GB');

/**
 * A session's time where the reader is: mentors and fellows live abroad, in several time zones, and
 * each sees the time on their own clock (the zone is named, so two readers can compare).
 */
export function formatLocalTime(iso: string, language: string): string {
  // dateStyle/timeStyle cannot be combined with timeZoneName: the fields are spelt out.
  return new Intl.DateTimeFormat(locale(language), {
    day: language === 'vi' ? '2-digit' : 'numeric',
    month: language === 'vi' ? '2-digit' : 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'short',
  }).format(new Date(iso));
}

/** The programme's clock: staff work, and reports are dated, in Vietnam time. */
export const VIETNAM_TIME_ZONE = 'Asia/Ho_Chi_Minh';

/**
 * An instant on the programme's clock, the zone named (GMT+7), whatever the reader's computer says:
 * report and dashboard times, which staff compare with deadlines set in Vietnam time.
 */
export function formatVietnamTime(iso: string, language: string): string {
  return new Intl.DateTimeFormat(locale(language), {
    day: language === 'vi' ? '2-digit' : 'numeric',
    month: language === 'vi' ? '2-digit' : 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: VIETNAM_TIME_ZONE,
    timeZoneName: 'short',
  }).format(new Date(iso));
}

/** The Vietnam day (2027-10-15) of an instant: 23:30 UTC is already the next day in Hà Nội. */
export function vietnamDay(iso: string): string {
  // en-CA writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone: VIETNAM_TIME_ZONE }).format(new Date(iso));
}

/** A calendar day (2027-10-15) as the reader writes dates, without moving it across time zones. */
export function formatDay(day: string, language: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Intl.DateTimeFormat(locale(language), { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1)),
  );
}

/** The value of a datetime-local input for an instant, on the reader's clock. */
export function toLocalInput(iso: string): string {
  const date = new Date(iso);
  const offset = date.getTimezoneOffset() * 60_000;
  return new Date(date.getTime() - offset).toISOString().slice(0, 16);
}

/** "★★★★☆" for 4 of 5. */
export const stars = (rating: number): string => '★'.repeat(rating) + '☆'.repeat(Math.max(0, 5 - rating));

interface FormLike {
  setFieldError(field: string, message: string): void;
}

/**
 * Puts the API's field errors next to the form's fields (nested ones too, e.g. actionItems.0.dueOn)
 * and returns the message for the rest, or null when every error found its field.
 */
export function placeFieldErrors(form: FormLike, fields: readonly string[], error: unknown, t: TFunction) {
  if (!(error instanceof ApiError)) return problemMessage(error, t);
  const fieldErrors = error.problem.errors ?? [];
  let unplaced = 0;
  for (const fieldError of fieldErrors) {
    const root = fieldError.field.split(/[.[]/)[0] ?? '';
    if (!fields.includes(root)) {
      unplaced += 1;
      continue;
    }
    form.setFieldError(fieldError.field, fieldErrorMessage(fieldError));
  }
  return fieldErrors.length > 0 && unplaced === 0 ? null : problemMessage(error, t);
}
