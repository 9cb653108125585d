import { hash, verify } from '@node-rs/argon2';
import { WeakPasswordError } from './identity.errors';
import { passwordProblem } from './password-policy';

/** argon2id at the OWASP minimum (m = 19 MiB, t = 2, p = 1): ≈ 22 ms a hash on this hardware. */
const ARGON2 = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

// Verified against when there is no hash, so a login takes as long whether or not the account exists.
let dummyHash: Promise<string> | undefined;
const getDummyHash = (): Promise<string> => (dummyHash ??= hash('no such account', ARGON2));

/** Checks the policy, then hashes; throws WeakPasswordError (400, field `password`) when refused. */
export async function hashNewPassword(password: string, email: string, field = 'password'): Promise<string> {
  const problem = passwordProblem(password, email);
  if (problem) throw new WeakPasswordError(problem, field);
  return hash(password, ARGON2);
}

export async function passwordMatches(passwordHash: string | null | undefined, password: string): Promise<boolean> {
  const ok = await verify(passwordHash ?? (await getDummyHash()), password).catch(() => false);
  return ok && !!passwordHash;
}
