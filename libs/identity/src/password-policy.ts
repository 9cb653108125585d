import { dictionary } from '@zxcvbn-ts/language-common';

/** Length limits follow OWASP ASVS: at least 10 characters, long passphrases allowed. */
export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 128;

// zxcvbn's list of the ~50k most used passwords; only those long enough to pass the length rule matter.
const COMMON = new Set(
  dictionary['passwords-common'].filter((p) => p.length >= PASSWORD_MIN).map((p) => p.toLowerCase()),
);

export interface PasswordProblem {
  /** English, for API users. */
  message: string;
  code: string;
  params?: Record<string, number>;
}

/** Returns why a password is refused, or null when it is acceptable. Pure, so it is unit-tested alone. */
export function passwordProblem(password: string, email: string): PasswordProblem | null {
  if ([...password].length < PASSWORD_MIN)
    return {
      message: `password must have at least ${PASSWORD_MIN} characters`,
      code: 'validation.password_too_short',
      params: { min: PASSWORD_MIN },
    };
  if ([...password].length > PASSWORD_MAX)
    return {
      message: `password must have at most ${PASSWORD_MAX} characters`,
      code: 'validation.password_too_long',
      params: { max: PASSWORD_MAX },
    };
  const local = email.split('@')[0]?.toLowerCase() ?? '';
  if (local.length >= 3 && password.toLowerCase().includes(local))
    return { message: 'password must not contain your email', code: 'validation.password_contains_email' };
  if (new Set(password).size < 4)
    return { message: 'password must not repeat the same few characters', code: 'validation.password_repetitive' };
  if (COMMON.has(password.toLowerCase()))
    return {
      message: 'password is one of the most common passwords; choose another',
      code: 'validation.password_common',
    };
  return null;
}
