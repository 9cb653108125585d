import { dictionary } from '@zxcvbn-ts/language-common';

/** Length limits follow OWASP ASVS: at least 10 characters, long passphrases allowed. */
export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 128;

// zxcvbn's list of the ~50k most used passwords; only those long enough to pass the length rule matter.
const COMMON = new Set(
  dictionary['passwords-common'].filter((p) => p.length >= PASSWORD_MIN).map((p) => p.toLowerCase()),
);

/** Returns why a password is refused, or null when it is acceptable. Pure, so it is unit-tested alone. */
export function passwordProblem(password: string, email: string): string | null {
  if ([...password].length < PASSWORD_MIN) return `password must have at least ${PASSWORD_MIN} characters`;
  if ([...password].length > PASSWORD_MAX) return `password must have at most ${PASSWORD_MAX} characters`;
  const local = email.split('@')[0]?.toLowerCase() ?? '';
  if (local.length >= 3 && password.toLowerCase().includes(local)) return 'password must not contain your email';
  if (new Set(password).size < 4) return 'password must not repeat the same few characters';
  if (COMMON.has(password.toLowerCase())) return 'password is one of the most common passwords; choose another';
  return null;
}
