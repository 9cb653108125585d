import { type Database, preparedQuery, type QueryArg, runQuery, runQueryFirst, typedSql } from '@vgbf/database';
import { type Expression, type ExpressionBuilder, sql, type SqlBool } from 'kysely';
import type { EntityManager } from 'typeorm';
import type { Role } from '@vgbf/core';
import type { User } from '../entities/user.entity';

/** Adds a role to an account unless it holds it. */
export async function appendRole(manager: EntityManager, userId: string, role: Role, now: Date): Promise<void> {
  await runQuery(
    manager,
    typedSql
      .updateTable('users')
      .set({ roles: sql`array_append(${sql.ref('roles')}, ${role}::text)`, updated_at: now })
      .where('id', '=', userId)
      .where(sql<SqlBool>`NOT (${role}::text = ANY (${sql.ref('roles')}))`),
  );
}

/** Adds the roles an account lacks (in SQL, so a role granted meanwhile stays); returns its roles now. */
export async function appendRoles(manager: EntityManager, userId: string, roles: Role[], now: Date): Promise<Role[]> {
  const [row] = await runQuery(
    manager,
    typedSql
      .updateTable('users')
      .set({
        roles: sql`${sql.ref('roles')} || array(SELECT unnest(${roles}::text[]) EXCEPT SELECT unnest(${sql.ref('roles')}))`,
        updated_at: now,
      })
      .where('id', '=', userId)
      .returning('roles'),
  );
  return row.roles as Role[];
}

export interface UserRow {
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

/** `vgbf_fold(text) LIKE '%' || vgbf_fold(search) || '%'`: the search (LIKE-escaped) anywhere in the text, accents and case ignored. */
export const foldedContains = (text: Expression<string | null>, search: string) =>
  sql<SqlBool>`vgbf_fold(${text}) LIKE '%' || vgbf_fold(${search.replace(/[%_\\]/g, '\\$&')}) || '%'`;

export type UsersTable = ExpressionBuilder<Database & { u: Database['users'] }, 'u'>;
export type UserFilter = (eb: UsersTable) => Expression<SqlBool>;

const userRows = () =>
  typedSql
    .selectFrom('users as u')
    .select((eb) => [
      'u.id',
      'u.email',
      'u.full_name',
      'u.roles',
      'u.language',
      eb('u.password_hash', 'is', null).as('invited'),
      'u.email_verified_at',
      'u.deactivated_at',
      'u.created_at',
    ])
    .$castTo<UserRow>();

/** One page of the accounts matching the filter, by folded name, then creation; and how many match. */
export async function userPage(
  manager: EntityManager,
  filter: UserFilter,
  page: { pageSize: number; offset: number },
): Promise<{ rows: UserRow[]; total: number }> {
  const [rows, counted] = await Promise.all([
    runQuery(
      manager,
      userRows()
        .where(filter)
        .orderBy(sql`vgbf_fold(${sql.ref('u.full_name')})`)
        .orderBy('u.created_at')
        .orderBy('u.id')
        .limit(page.pageSize)
        .offset(page.offset),
    ),
    runQueryFirst(
      manager,
      typedSql
        .selectFrom('users as u')
        .select(sql<number>`count(*)::int`.as('total'))
        .where(filter),
    ),
  ]);
  return { rows, total: counted?.total ?? 0 };
}

export function userRow(manager: EntityManager, id: string): Promise<UserRow | undefined> {
  return runQueryFirst(manager, userRows().where('u.id', '=', id));
}

/** Built and compiled once: every signed-in request runs it (see preparedQuery). */
const liveSessionQuery = preparedQuery((arg: QueryArg<{ tokenHash: string; now: Date }>) =>
  typedSql
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select(['s.id as session_id', 'u.id as user_id', 'u.roles'])
    .where('s.token_hash', '=', arg('tokenHash'))
    .where('s.revoked_at', 'is', null)
    .where('s.expires_at', '>', arg('now'))
    .where('u.deactivated_at', 'is', null)
    .$castTo<{ session_id: string; user_id: string; roles: Role[] }>(),
);

/** The live session of a token hash, with its account's roles (not deactivated). */
export function liveSession(
  manager: EntityManager,
  tokenHash: string,
  now: Date,
): Promise<{ session_id: string; user_id: string; roles: Role[] } | undefined> {
  return liveSessionQuery(manager, { tokenHash, now }).then((rows) => rows[0]);
}

export interface PendingInvitationRow {
  id: string;
  email: string;
  full_name: string;
  roles: Role[];
  language: User['language'];
  created_at: Date;
  expires_at: Date;
  pending: boolean;
}

/** Invited accounts without a password (nor deactivated) with their latest invitation. */
const invitedAccounts = () =>
  typedSql
    .selectFrom('users as u')
    .innerJoinLateral(
      (eb) =>
        eb
          .selectFrom('user_tokens as t')
          .select(['t.created_at', 't.expires_at', 't.used_at'])
          .whereRef('t.user_id', '=', 'u.id')
          .where('t.purpose', '=', 'invitation')
          .orderBy('t.created_at', 'desc')
          .limit(1)
          .as('t'),
      (join) => join.onTrue(),
    )
    .where('u.password_hash', 'is', null)
    .where('u.deactivated_at', 'is', null);

/** A page of pending invitations, latest first; and how many there are. */
export async function pendingInvitationPage(
  manager: EntityManager,
  now: Date,
  page: { pageSize: number; offset: number },
): Promise<{ rows: PendingInvitationRow[]; total: number }> {
  const [rows, counted] = await Promise.all([
    runQuery(
      manager,
      invitedAccounts()
        .select((eb) => [
          'u.id',
          'u.email',
          'u.full_name',
          'u.roles',
          'u.language',
          't.created_at',
          't.expires_at',
          eb.and([eb('t.used_at', 'is', null), eb('t.expires_at', '>', now)]).as('pending'),
        ])
        .orderBy('t.created_at', 'desc')
        .orderBy('u.id')
        .limit(page.pageSize)
        .offset(page.offset)
        .$castTo<PendingInvitationRow>(),
    ),
    runQueryFirst(manager, invitedAccounts().select(sql<number>`count(*)::int`.as('total'))),
  ]);
  return { rows, total: counted?.total ?? 0 };
}
