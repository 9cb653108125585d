import { type Database, runQuery, runQueryFirst, typedSql } from '@vgbf/database';
import { type Expression, type ExpressionBuilder, sql, type SqlBool } from 'kysely';
import type { EntityManager } from 'typeorm';

export interface AccessRow {
  id: string;
  actorUserId: string;
  actorName: string | null;
  actorRoles: string[] | null;
  subjectUserId: string;
  subjectName: string | null;
  resource: string;
  resourceId: string;
  accessedAt: string;
}

export interface AccessFilters {
  subjectUserId?: string;
  /** Part of the person's name or email; case and diacritics ignored. */
  subject?: string;
}

export async function insertAccess(
  manager: EntityManager,
  values: { actor_user_id: string; subject_user_id: string; resource: string; resource_id: string; accessed_at: Date },
): Promise<void> {
  await runQuery(manager, typedSql.insertInto('personal_data_access_log').values(values));
}

type Log = ExpressionBuilder<Database & { l: Database['personal_data_access_log'] }, 'l'>;

const filtered = (f: AccessFilters) => (eb: Log) => {
  const where: Array<Expression<SqlBool>> = [];
  if (f.subjectUserId) where.push(eb('l.subject_user_id', '=', f.subjectUserId));
  if (f.subject) {
    const search = f.subject.replace(/[%_\\]/g, '\\$&');
    where.push(
      eb.exists(
        eb
          .selectFrom('user_contacts_v as f')
          .select(sql<number>`1`.as('one'))
          .whereRef('f.id', '=', 'l.subject_user_id')
          .where(
            sql<SqlBool>`vgbf_fold(${sql.ref('f.full_name')} || ' ' || ${sql.ref('f.email')}) LIKE '%' || vgbf_fold(${search}) || '%'`,
          ),
      ),
    );
  }
  return eb.and(where);
};

/** One page of the log, newest first, with both people named; and how many rows match. */
export async function accessPage(
  manager: EntityManager,
  f: AccessFilters,
  page: { limit: number; offset: number },
): Promise<{ rows: AccessRow[]; total: number }> {
  const [rows, counted] = await Promise.all([
    runQuery(
      manager,
      typedSql
        .selectFrom('personal_data_access_log as l')
        .leftJoin('user_contacts_v as a', 'a.id', 'l.actor_user_id')
        .leftJoin('user_contacts_v as s', 's.id', 'l.subject_user_id')
        .where(filtered(f))
        .select([
          'l.id',
          'l.actor_user_id as actorUserId',
          'a.full_name as actorName',
          'a.roles as actorRoles',
          'l.subject_user_id as subjectUserId',
          's.full_name as subjectName',
          'l.resource',
          'l.resource_id as resourceId',
          sql<string>`to_char(l.accessed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`.as('accessedAt'),
        ])
        .orderBy('l.accessed_at', 'desc')
        .orderBy('l.id', 'desc')
        .limit(page.limit)
        .offset(page.offset)
        .$castTo<AccessRow>(),
    ),
    runQueryFirst(
      manager,
      typedSql
        .selectFrom('personal_data_access_log as l')
        .where(filtered(f))
        .select(sql<string>`count(*)`.as('n')),
    ),
  ]);
  return { rows, total: Number(counted?.n ?? 0) };
}
