import { declareFieldCodes } from '@vgbf/core';
import { ValidateBy, type ValidationOptions, buildMessage } from 'class-validator';

export const countWords = (text: string): number => text.trim().split(/\s+/u).filter(Boolean).length;

/** Vietnamese mobile numbers in international form: +84 then 9 digits starting 3, 5, 7, 8 or 9. */
export const VN_PHONE = /^\+84(3|5|7|8|9)\d{8}$/;
/** Enterprise tax code: 10 digits, or 13 written as XXXXXXXXXX-XXX (a branch). */
export const VN_TAX_CODE = /^\d{10}(-\d{3})?$/;

/** An applicant is this old at least, and at most, on the day they give their date of birth. */
export const MIN_APPLICANT_AGE = 18;
export const MAX_APPLICANT_AGE = 100;
/** The earliest founding year taken; the latest is the current year. */
export const FOUNDING_YEAR_MIN = 1800;

declareFieldCodes('notAfterCurrentYear', {
  codes: ['validation.not_after_current_year'],
  resolve: () => ({ code: 'validation.not_after_current_year', params: { year: new Date().getUTCFullYear() } }),
});

/** At most the current year (UTC), judged when the value is checked. */
export function NotAfterCurrentYear(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'notAfterCurrentYear',
      validator: {
        validate: (value: unknown) => typeof value === 'number' && value <= new Date().getUTCFullYear(),
        defaultMessage: (args) => `${args?.property} must be at most the current year (${new Date().getUTCFullYear()})`,
      },
    },
    options,
  );
}

/**
 * A draft keeps whatever was typed: an essay over its word limit is stored and flagged, and only
 * submission enforces the limit. This cap only stops what no one types (a pasted book).
 */
export const DRAFT_TEXT_MAX_CHARS = 100_000;

export function DraftTextLimit(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'draftTextLimit',
      constraints: [DRAFT_TEXT_MAX_CHARS],
      validator: {
        validate: (value: unknown) => typeof value === 'string' && value.length <= DRAFT_TEXT_MAX_CHARS,
        defaultMessage: buildMessage(
          (each) => `${each}$property must be at most $constraint1 characters, even in a draft`,
          options,
        ),
      },
    },
    options,
  );
}
