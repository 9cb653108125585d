import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '@vgbf/audit';
import { AppConfig } from '@vgbf/config';
import { type AuthenticatedUser, Clock } from '@vgbf/core';
import { OutboxService } from '@vgbf/outbox';
import { DataSource, type EntityManager } from 'typeorm';
import type { AcceptInvitationDto, InviteDto } from './dto/auth.dto';
import { User } from './entities/user.entity';
import { NotAllowedError } from './identity.errors';
import { hashNewPassword } from './passwords';
import { consumeToken, issueToken } from './tokens';
import { insertUser, normalizeEmail } from './users';

const INVITATION_DAYS = 7;

/** Staff and admins invite reviewers, mentors and staff; the invitee sets a password from the email. */
@Injectable()
export class InvitationsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async invite(actor: AuthenticatedUser, input: InviteDto): Promise<User> {
    // Only an admin may hand out the staff role; staff invite the committee and mentors.
    if (input.roles.includes('staff') && !actor.roles.includes('admin')) throw new NotAllowedError();
    return this.db.transaction((manager) => this.inviteWithin(manager, actor, input));
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
    if (input.roles.includes('staff')) throw new NotAllowedError();
    const existing = await manager.getRepository(User).findOneBy({ emailNormalized: normalizeEmail(input.email) });
    if (!existing) return { user: await this.inviteWithin(manager, actor, input), invited: true };
    const missing = input.roles.filter((role) => !existing.roles.includes(role));
    if (missing.length) {
      // Appended in SQL, not written back whole: a role granted meanwhile (an accepted offer) stays.
      const [[row]] = await manager.query<[Array<{ roles: User['roles'] }>, number]>(
        `UPDATE users SET roles = roles || array(SELECT unnest($2::text[]) EXCEPT SELECT unnest(roles)), updated_at = now()
          WHERE id = $1 RETURNING roles`,
        [existing.id, missing],
      );
      existing.roles = row.roles;
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
    const token = await issueToken(manager, user.id, 'invitation', INVITATION_DAYS * 24, this.clock.now());
    const inviter = await manager.getRepository(User).findOneByOrFail({ id: actor.id });
    await this.outbox.enqueueEmail(manager, {
      template: 'invitation',
      to: user.email,
      language,
      data: {
        fullName: user.fullName,
        inviter: inviter.fullName,
        roles: user.roles.join(', '),
        link: `${this.config.PUBLIC_URL}/accept-invitation?token=${token}`,
      },
    });
    await this.audit.record(manager, actor, {
      action: 'invitation.created',
      entityType: 'user',
      entityId: user.id,
      after: { email: user.email, fullName: user.fullName, roles: user.roles, language },
    });
    return user;
  }

  /** Sets the invitee's password and confirms the email (the link proved they read it). */
  async accept(input: AcceptInvitationDto, requestId: string): Promise<void> {
    await this.db.transaction(async (manager) => {
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
