import { ValidateBy, type ValidationOptions } from 'class-validator';

/**
 * Whether a name shows at least one letter or digit. Zero-width and other format characters,
 * whitespace, controls, combining marks on their own and punctuation alone do not make a name. Pure.
 */
export function hasVisibleText(value: unknown): boolean {
  return typeof value === 'string' && /[\p{L}\p{N}]/u.test(value);
}

/** class-validator: a name people can see (refuses "\u200B\u200B", "   ", "\u0301", "--"). */
export function IsVisibleName(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isVisibleName',
      validator: {
        validate: (value: unknown) => hasVisibleText(value),
        defaultMessage: (args) => `${args?.property} must contain letters or digits, not only invisible characters`,
      },
    },
    options,
  );
}
