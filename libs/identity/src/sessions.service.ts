import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Clock, type Role } from '@vgbf/core';
import { DataSource, IsNull, Not } from 'typeorm';
import { liveSession } from './data-access/users';
import type { LoginDto } from './dto/auth.dto';
import { Session } from './entities/session.entity';
import { User } from './entities/user.entity';
import { EmailNotVerifiedError, InvalidCredentialsError } from './identity.errors';
import { passwordMatches } from './passwords';
import { AttemptLimiter } from './throttling/attempt-limiter';
import { newToken, hashToken } from './tokens';
import { normalizeEmail } from './users';

const SESSION_DAYS = 14;

export interface ResolvedSession {
  sessionId: string;
  userId: string;
  roles: Role[];
}

/** Sign-in sessions: opaque random tokens, stored as SHA-256, revocable. */
@Injectable()
export class SessionsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly attempts: AttemptLimiter,
  ) {}

  /**
   * Signs in from a client address. A wrong password counts against that (account, address) pair and
   * the account (AttemptLimiter); past the limits a 429 comes before any password hashing.
   */
  async login(
    input: LoginDto,
    client: { address: string; userAgent?: string },
  ): Promise<{ token: string; expiresAt: Date; user: User }> {
    await this.attempts.reserve('login', input.email, client.address);
    const user = await this.db.getRepository(User).findOneBy({ emailNormalized: normalizeEmail(input.email) });
    const ok = await passwordMatches(user?.passwordHash, input.password);
    // A deactivated account answers as a wrong password does, so the answer tells no one it exists.
    if (!user || !ok || user.deactivatedAt) throw new InvalidCredentialsError();
    await this.attempts.succeeded('login', input.email, client.address);
    if (!user.emailVerifiedAt) throw new EmailNotVerifiedError();
    const { token, hash } = newToken();
    const userAgent = client.userAgent;
    const expiresAt = new Date(this.clock.now().getTime() + SESSION_DAYS * 24 * 3600_000);
    await this.db
      .getRepository(Session)
      .insert({ userId: user.id, tokenHash: hash, expiresAt, userAgent: userAgent?.slice(0, 300) ?? null });
    return { token, expiresAt, user };
  }

  /** The live session a token belongs to, or null (unknown, expired or revoked). */
  async resolve(token: string): Promise<ResolvedSession | null> {
    // Plain SQL: every signed-in request runs this.
    const row = await liveSession(this.db.manager, hashToken(token), this.clock.now());
    return row ? { sessionId: row.session_id, userId: row.user_id, roles: row.roles } : null;
  }

  async logout(sessionId: string): Promise<void> {
    await this.db
      .getRepository(Session)
      .update({ id: sessionId, revokedAt: IsNull() }, { revokedAt: this.clock.now() });
  }

  /** Revokes every live session of a user but `keep` (after a password change or reset). */
  async revokeAll(userId: string, keep?: string): Promise<void> {
    await this.db
      .getRepository(Session)
      .update({ userId, revokedAt: IsNull(), ...(keep ? { id: Not(keep) } : {}) }, { revokedAt: this.clock.now() });
  }
}
