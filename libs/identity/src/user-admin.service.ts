import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '@vgbf/audit';
import { type AuthenticatedUser, Clock, type Page, ROLES, type Role, toPage } from '@vgbf/core';
import { Transactions } from '@vgbf/database';
import { type Expression, sql, type SqlBool } from 'kysely';
import { DataSource, type EntityManager, IsNull } from 'typeorm';
import type { DeactivateDto, SetRolesDto, UserAdminView, UserListQuery, UserStatus } from './dto/admin.dto';
import { Session } from './entities/session.entity';
import { User } from './entities/user.entity';
import { UserToken } from './entities/user-token.entity';
import { foldedContains, type UserRow, type UsersTable, userPage, userRow } from './data-access/users';
import { NoRoleLeftError, OwnAccountError, UserNotFoundError } from './identity.errors';

/** Roles that come from the programme, not from an admin: kept whatever the admin sets. */
const EARNED_ROLES: readonly Role[] = ['applicant', 'fellow'];

const STATUS: Record<UserStatus, (eb: UsersTable) => Expression<SqlBool>> = {
  active: (eb) => eb.and([eb('u.deactivated_at', 'is', null), eb('u.password_hash', 'is not', null)]),
  invited: (eb) => eb.and([eb('u.deactivated_at', 'is', null), eb('u.password_hash', 'is', null)]),
  deactivated: (eb) => eb('u.deactivated_at', 'is not', null),
};

export function statusOf(user: { deactivatedAt: Date | null; invited: boolean }): UserStatus {
  if (user.deactivatedAt) return 'deactivated';
  return user.invited ? 'invited' : 'active';
}

function toAdminView(row: UserRow): UserAdminView {
  return {
    id: row.id,
    email: row.email,
    fullName: row.full_name,
    roles: row.roles,
    language: row.language,
    status: statusOf({ deactivatedAt: row.deactivated_at, invited: row.invited }),
    emailVerified: row.email_verified_at !== null,
    createdAt: row.created_at.toISOString(),
    deactivatedAt: row.deactivated_at?.toISOString() ?? null,
  };
}

/** The admin console's hold on accounts: find them, set their roles, deactivate and reactivate them. */
@Injectable()
export class UserAdminService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly transactions: Transactions,
  ) {}

  /** By name, newest accounts last among equals; the search ignores case and diacritics. */
  async list(query: UserListQuery): Promise<Page<UserAdminView>> {
    const q = query.q?.trim();
    const { rows, total } = await userPage(
      this.db.manager,
      (eb) => {
        const where: Array<Expression<SqlBool>> = [];
        if (q) where.push(foldedContains(sql<string>`${eb.ref('u.full_name')} || ' ' || ${eb.ref('u.email')}`, q));
        if (query.role) where.push(sql<SqlBool>`${query.role}::text = ANY(${eb.ref('u.roles')})`);
        if (query.status) where.push(STATUS[query.status](eb));
        return eb.and(where);
      },
      query,
    );
    return toPage(rows.map(toAdminView), total, query);
  }

  async get(id: string, manager: EntityManager = this.transactions.current()): Promise<UserAdminView> {
    const row = await userRow(manager, id);
    if (!row) throw new UserNotFoundError();
    return toAdminView(row);
  }

  /**
   * Sets the assignable roles (reviewer, mentor, staff, admin) an account holds; applicant and fellow
   * stay. An admin cannot take away their own admin role, and an account keeps at least one role.
   */
  async setRoles(actor: AuthenticatedUser, id: string, input: SetRolesDto): Promise<UserAdminView> {
    return this.transactions.run(async (manager) => {
      const user = await this.lock(manager, id);
      const wanted = new Set<Role>([...user.roles.filter((r) => EARNED_ROLES.includes(r)), ...input.roles]);
      const roles = ROLES.filter((r) => wanted.has(r));
      if (actor.id === id && !roles.includes('admin')) {
        throw new OwnAccountError('roles', 'You cannot remove your own admin role; ask another admin.');
      }
      if (roles.length === 0) throw new NoRoleLeftError();
      const before = ROLES.filter((r) => user.roles.includes(r));
      if (before.join() !== roles.join()) {
        await manager.getRepository(User).update({ id }, { roles });
        await this.audit.record(manager, actor, {
          action: 'user.roles_changed',
          entityType: 'user',
          entityId: id,
          before: { roles: before },
          after: { roles },
        });
      }
      return this.get(id, manager);
    });
  }

  /**
   * The account can no longer sign in: its sessions end now and its emailed links (invitation, reset,
   * verification) stop working. Deactivating an account that already is changes nothing.
   */
  async deactivate(actor: AuthenticatedUser, id: string, input: DeactivateDto): Promise<UserAdminView> {
    if (actor.id === id) throw new OwnAccountError('id', 'You cannot deactivate your own account.');
    return this.transactions.run(async (manager) => {
      const user = await this.lock(manager, id);
      if (!user.deactivatedAt) {
        await this.deactivateWithin(manager, id);
        await this.audit.record(manager, actor, {
          action: 'user.deactivated',
          entityType: 'user',
          entityId: id,
          before: { status: statusOf({ deactivatedAt: null, invited: user.passwordHash === null }) },
          after: { status: 'deactivated' },
          reason: input.reason ?? null,
        });
      }
      return this.get(id, manager);
    });
  }

  /** Within the caller's transaction: deactivated, every session revoked, every emailed link void. */
  private async deactivateWithin(manager: EntityManager, id: string): Promise<void> {
    const now = this.clock.now();
    await manager.getRepository(User).update({ id }, { deactivatedAt: now });
    await manager.getRepository(Session).update({ userId: id, revokedAt: IsNull() }, { revokedAt: now });
    await manager.getRepository(UserToken).update({ userId: id, usedAt: IsNull() }, { usedAt: now });
  }

  /** The account may sign in again (an invited one needs a new invitation: the old link stays void). */
  async reactivate(actor: AuthenticatedUser, id: string): Promise<UserAdminView> {
    return this.transactions.run(async (manager) => {
      const user = await this.lock(manager, id);
      if (user.deactivatedAt) {
        await manager.getRepository(User).update({ id }, { deactivatedAt: null });
        const status = statusOf({ deactivatedAt: null, invited: user.passwordHash === null });
        await this.audit.record(manager, actor, {
          action: 'user.reactivated',
          entityType: 'user',
          entityId: id,
          before: { status: 'deactivated' },
          after: { status },
        });
      }
      return this.get(id, manager);
    });
  }

  private async lock(manager: EntityManager, id: string): Promise<User> {
    const user = await manager
      .getRepository(User)
      .createQueryBuilder('u')
      .setLock('pessimistic_write')
      .where('u.id = :id', { id })
      .getOne();
    if (!user) throw new UserNotFoundError();
    return user;
  }
}
