import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '@vgbf/audit';
import { type AuthenticatedUser, Clock, type Page, ROLES, type Role, toPage } from '@vgbf/core';
import { Transactions } from '@vgbf/database';
import { DataSource, type EntityManager, IsNull } from 'typeorm';
import type { DeactivateDto, SetRolesDto, UserAdminView, UserListQuery, UserStatus } from './dto/admin.dto';
import { Session } from './entities/session.entity';
import { User } from './entities/user.entity';
import { UserToken } from './entities/user-token.entity';
import { NoRoleLeftError, OwnAccountError, UserNotFoundError } from './identity.errors';

/** Roles that come from the programme, not from an admin: kept whatever the admin sets. */
const EARNED_ROLES: readonly Role[] = ['applicant', 'fellow'];

interface UserRow {
  id: string;
  email: string;
  full_name: string;
  roles: Role[];
  language: User['language'];
  invited: boolean;
  email_verified_at: Date | null;
  deactivated_at: Date | null;
  created_at: Date;
}

const STATUS_SQL: Record<UserStatus, string> = {
  active: 'u.deactivated_at IS NULL AND u.password_hash IS NOT NULL',
  invited: 'u.deactivated_at IS NULL AND u.password_hash IS NULL',
  deactivated: 'u.deactivated_at IS NOT NULL',
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

const USER_COLUMNS = `u.id, u.email, u.full_name, u.roles, u.language, u.password_hash IS NULL AS invited,
  u.email_verified_at, u.deactivated_at, u.created_at`;

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
    const where: string[] = ['TRUE'];
    const args: unknown[] = [];
    const add = (sql: string, value: unknown): void => {
      args.push(value);
      where.push(sql.replaceAll('?', `$${args.length}`));
    };
    const q = query.q?.trim();
    if (q)
      add(`vgbf_fold(u.full_name || ' ' || u.email) LIKE '%' || vgbf_fold(?) || '%'`, q.replace(/[%_\\]/g, '\\$&'));
    if (query.role) add('?::text = ANY(u.roles)', query.role);
    if (query.status) where.push(STATUS_SQL[query.status]);
    const filter = where.join(' AND ');
    const [rows, [{ total }]] = await Promise.all([
      this.db.query<UserRow[]>(
        `SELECT ${USER_COLUMNS} FROM users u WHERE ${filter}
          ORDER BY vgbf_fold(u.full_name), u.created_at, u.id
          LIMIT ${query.pageSize} OFFSET ${query.offset}`,
        args,
      ),
      this.db.query<Array<{ total: number }>>(`SELECT count(*)::int AS total FROM users u WHERE ${filter}`, args),
    ]);
    return toPage(rows.map(toAdminView), total, query);
  }

  async get(id: string, manager: EntityManager = this.transactions.current()): Promise<UserAdminView> {
    const [row] = await manager.query<UserRow[]>(`SELECT ${USER_COLUMNS} FROM users u WHERE u.id = $1`, [id]);
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
