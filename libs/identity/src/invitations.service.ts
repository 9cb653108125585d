import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '@vgbf/audit';
import { AppConfig } from '@vgbf/config';
import { type AuthenticatedUser, Clock, type Page, type PageQuery, type Role, toPage } from '@vgbf/core';
import { OutboxService } from '@vgbf/outbox';
import { Transactions } from '@vgbf/database';
import { DataSource, type EntityManager, IsNull } from 'typeorm';
import { appendRoles, pendingInvitationPage } from './data-access/users';
import type { AcceptInvitationDto, InviteDto } from './dto/auth.dto';
import { User } from './entities/user.entity';
import { UserToken } from './entities/user-token.entity';
import type { InvitationView } from './dto/admin.dto';
import { InvitationNotPendingError, NotAllowedError, UserNotFoundError } from './identity.errors';
import { hashNewPassword } from './passwords';
import { consumeToken, issueToken } from './tokens';
import { insertUser, normalizeEmail } from './users';

const INVITATION_DAYS = 7;

/** Roles only an admin hands out, by invitation or otherwise. */
const ADMIN_GRANTED: readonly Role[] = ['staff', 'admin'];

/** Staff invite (and resend or revoke invitations of) the committee and mentors; staff and admins only an admin. */
function assertMayInvite(actor: AuthenticatedUser, roles: readonly Role[]): void {
  if (roles.some((role) => ADMIN_GRANTED.includes(role)) && !actor.roles.includes('admin')) throw new NotAllowedError();
}

/** Staff and admins invite reviewers, mentors and staff; the invitee sets a password from the email. */
@Injectable()
export class InvitationsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly transactions: Transactions,
  ) {}

  async invite(actor: AuthenticatedUser, input: InviteDto): Promise<User> {
    // Only an admin may hand out the staff and admin roles; staff invite the committee and mentors.
    assertMayInvite(actor, input.roles);
    return this.transactions.run((manager) => this.inviteWithin(manager, actor, input));
  }

  /**
   * For imports (a mentor list): within the caller's transaction, an unknown email is invited
   * (account, token and email together), a known one is given the roles it lacks. Never staff.
   */
  async ensureInvited(
    manager: EntityManager,
    actor: AuthenticatedUser,
    input: InviteDto,
  ): Promise<{ user: User; invited: boolean }> {
    if (input.roles.some((role) => ADMIN_GRANTED.includes(role))) throw new NotAllowedError();
    const existing = await manager.getRepository(User).findOneBy({ emailNormalized: normalizeEmail(input.email) });
    if (!existing) return { user: await this.inviteWithin(manager, actor, input), invited: true };
    const missing = input.roles.filter((role) => !existing.roles.includes(role));
    if (missing.length) {
      // Appended in SQL, not written back whole: a role granted meanwhile (an accepted offer) stays.
      existing.roles = await appendRoles(manager, existing.id, missing, this.clock.now());
      await this.audit.record(manager, actor, {
        action: 'user.roles_granted',
        entityType: 'user',
        entityId: existing.id,
        after: { roles: existing.roles, granted: missing },
      });
    }
    return { user: existing, invited: false };
  }

  private async inviteWithin(manager: EntityManager, actor: AuthenticatedUser, input: InviteDto): Promise<User> {
    const language = input.language ?? 'vi';
    const user = await insertUser(manager, {
      email: input.email,
      fullName: input.fullName,
      roles: [...new Set(input.roles)],
      language,
      passwordHash: null,
    });
    await this.sendInvitation(manager, actor, user);
    await this.audit.record(manager, actor, {
      action: 'invitation.created',
      entityType: 'user',
      entityId: user.id,
      after: { email: user.email, fullName: user.fullName, roles: user.roles, language },
    });
    return user;
  }

  /** A new link (7 days) by email, in the invitee's language; the one sent before stops working. */
  private async sendInvitation(manager: EntityManager, actor: AuthenticatedUser, user: User): Promise<void> {
    const token = await issueToken(manager, user.id, 'invitation', INVITATION_DAYS * 24, this.clock.now());
    const inviter = await manager.getRepository(User).findOneByOrFail({ id: actor.id });
    await this.outbox.enqueueEmail(manager, {
      template: 'invitation',
      to: user.email,
      language: user.language,
      data: {
        fullName: user.fullName,
        inviter: inviter.fullName,
        roles: user.roles.join(', '),
        link: `${this.config.PUBLIC_URL}/accept-invitation?token=${token}`,
      },
    });
  }

  /** Invited accounts that have not set a password (nor been deactivated), latest invitation first. */
  async listPending(query: PageQuery): Promise<Page<InvitationView>> {
    const { rows, total } = await pendingInvitationPage(this.db.manager, this.clock.now(), query);
    const items = rows.map((r) => ({
      userId: r.id,
      email: r.email,
      fullName: r.full_name,
      roles: r.roles,
      language: r.language,
      sentAt: r.created_at.toISOString(),
      expiresAt: r.expires_at.toISOString(),
      state: r.pending ? ('pending' as const) : ('expired' as const),
    }));
    return toPage(items, total, query);
  }

  /** Sends the invitation again with a new link; only while the invitee has not set a password. */
  async resend(actor: AuthenticatedUser, userId: string): Promise<void> {
    await this.transactions.run(async (manager) => {
      const user = await this.lockInvited(manager, actor, userId);
      await this.sendInvitation(manager, actor, user);
      await this.audit.record(manager, actor, {
        action: 'invitation.resent',
        entityType: 'user',
        entityId: user.id,
        after: { email: user.email, roles: user.roles },
      });
    });
  }

  /** Withdraws an invitation: the link stops working and the account is deactivated (an admin may reactivate it). */
  async revoke(actor: AuthenticatedUser, userId: string): Promise<void> {
    await this.transactions.run(async (manager) => {
      const user = await this.lockInvited(manager, actor, userId);
      const now = this.clock.now();
      await manager.getRepository(User).update({ id: user.id }, { deactivatedAt: now });
      await manager
        .getRepository(UserToken)
        .update({ userId: user.id, purpose: 'invitation', usedAt: IsNull() }, { usedAt: now });
      await this.audit.record(manager, actor, {
        action: 'invitation.revoked',
        entityType: 'user',
        entityId: user.id,
        before: { email: user.email, roles: user.roles },
      });
    });
  }

  private async lockInvited(manager: EntityManager, actor: AuthenticatedUser, userId: string): Promise<User> {
    const user = await manager
      .getRepository(User)
      .createQueryBuilder('u')
      .setLock('pessimistic_write')
      .where('u.id = :userId', { userId })
      .getOne();
    if (!user) throw new UserNotFoundError();
    assertMayInvite(actor, user.roles);
    if (user.passwordHash !== null || user.deactivatedAt) throw new InvitationNotPendingError();
    return user;
  }

  /** Sets the invitee's password and confirms the email (the link proved they read it). */
  async accept(input: AcceptInvitationDto, requestId: string): Promise<void> {
    await this.transactions.run(async (manager) => {
      const now = this.clock.now();
      const userId = await consumeToken(manager, input.token, 'invitation', now);
      const user = await manager.getRepository(User).findOneByOrFail({ id: userId });
      const passwordHash = await hashNewPassword(input.password, user.email);
      await manager.getRepository(User).update({ id: userId }, { passwordHash, emailVerifiedAt: now });
      await this.audit.record(
        manager,
        { id: userId, requestId },
        {
          action: 'invitation.accepted',
          entityType: 'user',
          entityId: userId,
        },
      );
    });
  }
}
