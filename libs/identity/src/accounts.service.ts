import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppConfig } from '@vgbf/config';
import { type AuthenticatedUser, Clock, type Role } from '@vgbf/core';
import { OutboxService } from '@vgbf/outbox';
import { Transactions } from '@vgbf/database';
import { ConsentRecorder } from '@vgbf/personal-data';
import { DataSource, type EntityManager, In, IsNull } from 'typeorm';
import type { ChangePasswordDto, ForgotPasswordDto, RegisterDto, ResetPasswordDto, UpdateMeDto } from './dto/auth.dto';
import { appendRole } from './data-access/users';
import { Session } from './entities/session.entity';
import { User } from './entities/user.entity';
import { WrongPasswordError } from './identity.errors';
import { hashNewPassword, passwordMatches } from './passwords';
import { AttemptLimiter } from './throttling/attempt-limiter';
import { consumeToken, issueToken } from './tokens';
import { type NewUser, insertUser, insertUserUnlessTaken, normalizeEmail } from './users';

const VERIFY_EMAIL_HOURS = 48;
const RESET_PASSWORD_HOURS = 2;

/** An account's own life: registration, email verification, profile, password change and reset. */
@Injectable()
export class AccountsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly outbox: OutboxService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly attempts: AttemptLimiter,
    private readonly transactions: Transactions,
    private readonly consents: ConsentRecorder,
  ) {}

  /**
   * Creates an applicant account and, in the same transaction, the verification email. An address that
   * already has an account gets an email telling its owner instead (sign in or reset the password), and
   * the caller cannot tell the two apart: same answer, and the password is hashed either way, so it
   * takes about as long.
   */
  async register(input: RegisterDto, address: string, userAgent: string | null = null): Promise<void> {
    await this.attempts.reserve('register', input.email, address);
    const passwordHash = await hashNewPassword(input.password, input.email);
    const language = input.language ?? 'vi';
    await this.transactions.run(async (manager) => {
      const user = await insertUserUnlessTaken(manager, {
        email: input.email,
        fullName: input.fullName,
        roles: ['applicant'],
        language,
        passwordHash,
      });
      if (!user) return this.tellOwner(manager, input.email);
      // The purposes ticked on the form, each under its current notice, committed with the account.
      if (input.consents?.length)
        await this.consents.give(user.id, input.consents, { channel: 'registration', userAgent });
      const token = await issueToken(manager, user.id, 'verify_email', VERIFY_EMAIL_HOURS, this.clock.now());
      await this.outbox.enqueueEmail(manager, {
        template: 'verify-email',
        to: user.email,
        language,
        data: { fullName: user.fullName, link: this.link('verify-email', token) },
      });
    });
  }

  /** Someone registered with an address that has an account: its owner hears of it, in their language. */
  private async tellOwner(manager: EntityManager, email: string): Promise<void> {
    const owner = await manager.getRepository(User).findOneByOrFail({ emailNormalized: normalizeEmail(email) });
    const base = this.config.PUBLIC_URL.replace(/\/$/, '');
    await this.outbox.enqueueEmail(manager, {
      template: 'account-exists',
      to: owner.email,
      language: owner.language,
      data: { fullName: owner.fullName, loginUrl: `${base}/login`, resetUrl: `${base}/forgot-password` },
    });
  }

  /** Consumes a verification token once; a second use, an unknown or an expired token is refused. */
  async verifyEmail(token: string): Promise<void> {
    await this.transactions.run(async (manager) => {
      const now = this.clock.now();
      const userId = await consumeToken(manager, token, 'verify_email', now);
      await manager.getRepository(User).update({ id: userId, emailVerifiedAt: IsNull() }, { emailVerifiedAt: now });
    });
  }

  /**
   * Emails a fresh verification link (the older ones stop working) when the address has an account that
   * is not verified yet and not deactivated; says nothing either way. Throttled like a reset request.
   */
  async resendVerification(input: ForgotPasswordDto, address: string): Promise<void> {
    await this.attempts.reserve('resend-verification', input.email, address);
    await this.transactions.run(async (manager) => {
      const user = await manager.getRepository(User).findOneBy({ emailNormalized: normalizeEmail(input.email) });
      if (!user || user.deactivatedAt || user.emailVerifiedAt) return;
      const token = await issueToken(manager, user.id, 'verify_email', VERIFY_EMAIL_HOURS, this.clock.now());
      await this.outbox.enqueueEmail(manager, {
        template: 'verify-email',
        to: user.email,
        language: user.language,
        data: { fullName: user.fullName, link: this.link('verify-email', token) },
      });
    });
  }

  /**
   * Emails a reset link when the account exists; says nothing either way (no account discovery). Every
   * request counts as an attempt on the account from this address (no success clears it), which bounds
   * the reset emails one inbox gets.
   */
  async requestPasswordReset(input: ForgotPasswordDto, address: string): Promise<void> {
    await this.attempts.reserve('forgot-password', input.email, address);
    await this.transactions.run(async (manager) => {
      const user = await manager.getRepository(User).findOneBy({ emailNormalized: normalizeEmail(input.email) });
      // A deactivated account gets no link (it could not sign in with the new password anyway).
      if (!user || user.deactivatedAt) return;
      const token = await issueToken(manager, user.id, 'reset_password', RESET_PASSWORD_HOURS, this.clock.now());
      await this.outbox.enqueueEmail(manager, {
        template: 'reset-password',
        to: user.email,
        language: user.language,
        data: { fullName: user.fullName, link: this.link('reset-password', token) },
      });
    });
  }

  /** Sets a new password from an emailed token; every session of the account is revoked. */
  async resetPassword(input: ResetPasswordDto): Promise<void> {
    await this.transactions.run(async (manager) => {
      const now = this.clock.now();
      const userId = await consumeToken(manager, input.token, 'reset_password', now);
      const user = await manager.getRepository(User).findOneByOrFail({ id: userId });
      const passwordHash = await hashNewPassword(input.password, user.email);
      // Whoever could read the email owns the address: a reset also confirms it.
      await manager
        .getRepository(User)
        .update({ id: userId }, { passwordHash, emailVerifiedAt: user.emailVerifiedAt ?? now });
      await manager.getRepository(Session).update({ userId, revokedAt: IsNull() }, { revokedAt: now });
    });
  }

  /** Changes the password; every other session of the account is revoked, the current one stays. */
  async changePassword(actor: AuthenticatedUser, input: ChangePasswordDto): Promise<void> {
    const user = await this.db.getRepository(User).findOneByOrFail({ id: actor.id });
    if (!(await passwordMatches(user.passwordHash, input.currentPassword))) throw new WrongPasswordError();
    const passwordHash = await hashNewPassword(input.newPassword, user.email, 'newPassword');
    await this.transactions.run(async (manager) => {
      await manager.getRepository(User).update({ id: user.id }, { passwordHash });
      await manager
        .getRepository(Session)
        .createQueryBuilder()
        .update()
        .set({ revokedAt: this.clock.now() })
        .where('user_id = :userId AND revoked_at IS NULL AND id <> :keep', { userId: user.id, keep: actor.sessionId })
        .execute();
    });
  }

  async updateProfile(actor: AuthenticatedUser, input: UpdateMeDto): Promise<User> {
    const changes: Partial<User> = {};
    if (input.language) changes.language = input.language;
    if (input.fullName) changes.fullName = input.fullName;
    if (Object.keys(changes).length) await this.db.getRepository(User).update({ id: actor.id }, changes);
    return this.findUser(actor.id);
  }

  /** Who to write to, for many accounts at once (reminders, reports). */
  async contacts(ids: string[]): Promise<Map<string, Pick<User, 'id' | 'email' | 'fullName' | 'language'>>> {
    if (ids.length === 0) return new Map();
    const users = await this.db
      .getRepository(User)
      .find({ where: { id: In(ids) }, select: { id: true, email: true, fullName: true, language: true } });
    return new Map(users.map((u) => [u.id, u]));
  }

  /** Adds a role to an account within the caller's transaction (an accepted offer makes a fellow). */
  async grantRole(manager: EntityManager, userId: string, role: Role): Promise<void> {
    await appendRole(manager, userId, role, this.clock.now());
  }

  async findUser(id: string): Promise<User> {
    return this.db.getRepository(User).findOneByOrFail({ id });
  }

  /** For the CLI and the demo seed: an account with a password, its email already confirmed. */
  async createVerifiedUser(
    input: Omit<NewUser, 'passwordHash' | 'emailVerifiedAt'> & { password: string },
  ): Promise<User> {
    const passwordHash = await hashNewPassword(input.password, input.email);
    return this.transactions.run((manager) =>
      insertUser(manager, { ...input, passwordHash, emailVerifiedAt: this.clock.now() }),
    );
  }

  private link(page: string, token: string): string {
    return `${this.config.PUBLIC_URL}/${page}?token=${token}`;
  }
}
