import { hash, verify } from '@node-rs/argon2';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppConfig } from '@vgbf/config';
import { Clock } from '@vgbf/core';
import { OutboxService } from '@vgbf/outbox';
import { DataSource, IsNull } from 'typeorm';
import type { LoginDto, RegisterDto, UserView } from './dto/auth.dto';
import { Session } from './entities/session.entity';
import { type Role, User } from './entities/user.entity';
import { UserToken } from './entities/user-token.entity';
import {
  EmailNotVerifiedError,
  EmailTakenError,
  InvalidCredentialsError,
  InvalidTokenError,
  WeakPasswordError,
} from './identity.errors';
import { passwordProblem } from './password-policy';
import { hashToken, newToken } from './tokens';

/** argon2id at the OWASP minimum (m = 19 MiB, t = 2, p = 1): ≈ 22 ms a hash on this hardware. */
const ARGON2 = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };
const SESSION_DAYS = 14;
const VERIFY_EMAIL_HOURS = 48;
// Verified against when the email is unknown, so a login takes as long whether or not the account exists.
let dummyHash: Promise<string> | undefined;
const getDummyHash = (): Promise<string> => (dummyHash ??= hash('no such account', ARGON2));

export interface AuthenticatedUser {
  id: string;
  roles: Role[];
  sessionId: string;
}

export function toUserView(user: User): UserView {
  return {
    id: user.id,
    email: user.email,
    fullName: user.fullName,
    roles: user.roles,
    language: user.language,
    emailVerified: user.emailVerifiedAt !== null,
  };
}

@Injectable()
export class IdentityService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly outbox: OutboxService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /** Creates an applicant account and, in the same transaction, the verification email. */
  async register(input: RegisterDto): Promise<User> {
    const problem = passwordProblem(input.password, input.email);
    if (problem) throw new WeakPasswordError(problem);
    const passwordHash = await hash(input.password, ARGON2);
    const language = input.language ?? 'vi';
    return this.db.transaction(async (manager) => {
      const users = manager.getRepository(User);
      const inserted = await users
        .createQueryBuilder()
        .insert()
        .values({
          email: input.email,
          emailNormalized: input.email.toLowerCase(),
          fullName: input.fullName,
          roles: ['applicant'],
          language,
          passwordHash,
        })
        .orIgnore()
        .returning('*')
        .execute();
      if ((inserted.raw as unknown[]).length === 0) throw new EmailTakenError();
      const user = await users.findOneByOrFail({ emailNormalized: input.email.toLowerCase() });
      const { token, hash: tokenHash } = newToken();
      await manager.getRepository(UserToken).insert({
        userId: user.id,
        purpose: 'verify_email',
        tokenHash,
        expiresAt: new Date(this.clock.now().getTime() + VERIFY_EMAIL_HOURS * 3600_000),
      });
      await this.outbox.enqueueEmail(manager, {
        template: 'verify-email',
        to: user.email,
        language,
        data: { fullName: user.fullName, link: `${this.config.PUBLIC_URL}/verify-email?token=${token}` },
      });
      return user;
    });
  }

  /** Consumes a verification token once; a second use, an unknown or an expired token is refused. */
  async verifyEmail(token: string): Promise<void> {
    await this.db.transaction(async (manager) => {
      const now = this.clock.now();
      const used = await manager
        .getRepository(UserToken)
        .createQueryBuilder()
        .update()
        .set({ usedAt: now })
        .where('token_hash = :hash AND purpose = :purpose AND used_at IS NULL AND expires_at > :now', {
          hash: hashToken(token),
          purpose: 'verify_email',
          now,
        })
        .returning('user_id')
        .execute();
      const row = (used.raw as Array<{ user_id: string }>)[0];
      if (!row) throw new InvalidTokenError();
      await manager
        .getRepository(User)
        .update({ id: row.user_id, emailVerifiedAt: IsNull() }, { emailVerifiedAt: now });
    });
  }

  async login(input: LoginDto, userAgent?: string): Promise<{ token: string; expiresAt: Date; user: User }> {
    const user = await this.db.getRepository(User).findOneBy({ emailNormalized: input.email.toLowerCase() });
    const ok = await verify(user?.passwordHash ?? (await getDummyHash()), input.password).catch(() => false);
    if (!user || !ok) throw new InvalidCredentialsError();
    if (!user.emailVerifiedAt) throw new EmailNotVerifiedError();
    const { token, hash: tokenHash } = newToken();
    const expiresAt = new Date(this.clock.now().getTime() + SESSION_DAYS * 24 * 3600_000);
    await this.db
      .getRepository(Session)
      .insert({ userId: user.id, tokenHash, expiresAt, userAgent: userAgent?.slice(0, 300) ?? null });
    return { token, expiresAt, user };
  }

  /** The live session a token belongs to, or null (unknown, expired or revoked). */
  async authenticate(token: string): Promise<AuthenticatedUser | null> {
    const row = await this.db
      .getRepository(Session)
      .createQueryBuilder('s')
      .innerJoin(User, 'u', 'u.id = s.user_id')
      .select(['s.id AS session_id', 'u.id AS user_id', 'u.roles AS roles'])
      .where('s.token_hash = :hash AND s.revoked_at IS NULL AND s.expires_at > :now', {
        hash: hashToken(token),
        now: this.clock.now(),
      })
      .getRawOne<{ session_id: string; user_id: string; roles: Role[] }>();
    return row ? { id: row.user_id, roles: row.roles, sessionId: row.session_id } : null;
  }

  async logout(sessionId: string): Promise<void> {
    await this.db
      .getRepository(Session)
      .update({ id: sessionId, revokedAt: IsNull() }, { revokedAt: this.clock.now() });
  }

  async findUser(id: string): Promise<User> {
    return this.db.getRepository(User).findOneByOrFail({ id });
  }
}
