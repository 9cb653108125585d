import { ValidateBy, type ValidationOptions, buildMessage } from 'class-validator';

export const countWords = (text: string): number => text.trim().split(/\s+/u).filter(Boolean).length;

/** At most `max` words (split on any whitespace, Vietnamese included). */
export function MaxWords(max: number, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'maxWords',
      constraints: [max],
      validator: {
        validate: (value: unknown) => typeof value === 'string' && countWords(value) <= max,
        defaultMessage: buildMessage((each) => `${each}$property must have at most $constraint1 words`, options),
      },
    },
    options,
  );
}

/** Vietnamese mobile numbers in international form: +84 then 9 digits starting 3, 5, 7, 8 or 9. */
export const VN_PHONE = /^\+84(3|5|7|8|9)\d{8}$/;
/** Enterprise tax code: 10 digits, or 13 written as XXXXXXXXXX-XXX (a branch). */
export const VN_TAX_CODE = /^\d{10}(-\d{3})?$/;
