import { createHash, randomBytes } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { type TokenPurpose, UserToken } from './entities/user-token.entity';
import { InvalidTokenError } from './identity.errors';

/** A random token (256 bits, URL-safe) and the hash that is all we store of it. */
export function newToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Issues a single-use token for an emailed link; earlier unused tokens of that purpose stop working. */
export async function issueToken(
  manager: EntityManager,
  userId: string,
  purpose: TokenPurpose,
  validHours: number,
  now: Date,
): Promise<string> {
  const tokens = manager.getRepository(UserToken);
  await tokens
    .createQueryBuilder()
    .update()
    .set({ usedAt: now })
    .where('user_id = :userId AND purpose = :purpose AND used_at IS NULL', { userId, purpose })
    .execute();
  const { token, hash } = newToken();
  await tokens.insert({ userId, purpose, tokenHash: hash, expiresAt: new Date(now.getTime() + validHours * 3600_000) });
  return token;
}

/** Marks a token used and returns its user; an unknown, used or expired token is refused. Atomic. */
export async function consumeToken(
  manager: EntityManager,
  token: string,
  purpose: TokenPurpose,
  now: Date,
): Promise<string> {
  const used = await manager
    .getRepository(UserToken)
    .createQueryBuilder()
    .update()
    .set({ usedAt: now })
    .where('token_hash = :hash AND purpose = :purpose AND used_at IS NULL AND expires_at > :now', {
      hash: hashToken(token),
      purpose,
      now,
    })
    .returning('user_id')
    .execute();
  const row = (used.raw as Array<{ user_id: string }>)[0];
  if (!row) throw new InvalidTokenError();
  return row.user_id;
}
