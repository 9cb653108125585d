import { type Database, runQuery, runQueryFirst, typedSql } from '@vgbf/database';
import { type Expression, type ExpressionBuilder, sql, type SqlBool } from 'kysely';
import type { EntityManager } from 'typeorm';
import type { AuditQuery } from '../dto/audit-query.dto';
import type { AuditEntryView } from '../dto/audit-entry.view';

export type AuditFilters = Partial<
  Pick<AuditQuery, 'entityType' | 'entityId' | 'actorId' | 'actor' | 'action' | 'from' | 'to'>
>;

type AuditTable = ExpressionBuilder<Database & { a: Database['audit_log'] }, 'a'>;

/** The audit filters as one condition on `a` (audit_log), every value bound; shared by the page and the export. */
export const auditFilters =
  (query: AuditFilters) =>
  (eb: AuditTable): Expression<SqlBool> => {
    const where: Array<Expression<SqlBool>> = [];
    if (query.entityType) where.push(eb('a.entity_type', '=', query.entityType));
    if (query.entityId) where.push(eb('a.entity_id', '=', query.entityId));
    if (query.actorId) where.push(eb('a.actor_id', '=', query.actorId));
    if (query.actor) {
      const search = query.actor.replace(/[%_\\]/g, '\\$&');
      where.push(
        eb.exists(
          eb
            .selectFrom('user_contacts_v as f')
            .select(sql<number>`1`.as('one'))
            .whereRef('f.id', '=', 'a.actor_id')
            .where(
              sql<SqlBool>`vgbf_fold(${sql.ref('f.full_name')} || ' ' || ${sql.ref('f.email')}) LIKE '%' || vgbf_fold(${search}) || '%'`,
            ),
        ),
      );
    }
    if (query.action) where.push(eb('a.action', '=', query.action));
    if (query.from) where.push(eb('a.created_at', '>=', query.from));
    if (query.to) where.push(eb('a.created_at', '<', query.to));
    return eb.and(where);
  };

/** An instant as ISO 8601 in UTC, milliseconds included (as the API shows every time). */
const iso = (column: 'a.created_at') =>
  sql<string>`to_char(${sql.ref(column)} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

const newestFirst = (filters: AuditFilters) =>
  typedSql
    .selectFrom('audit_log as a')
    .leftJoin('user_contacts_v as u', 'u.id', 'a.actor_id')
    .where(auditFilters(filters))
    .orderBy('a.created_at', 'desc')
    .orderBy('a.id', 'desc');

/** One page of the filtered audit rows, newest first, with the actor named; and how many rows match. */
export async function auditPage(
  manager: EntityManager,
  filters: AuditFilters,
  page: { pageSize: number; offset: number },
): Promise<{ rows: AuditEntryView[]; total: number }> {
  const [rows, counted] = await Promise.all([
    runQuery(
      manager,
      newestFirst(filters)
        .select([
          sql<string>`${sql.ref('a.id')}::text`.as('id'),
          'a.actor_id as actorId',
          'u.full_name as actorName',
          'u.email as actorEmail',
          'a.action',
          'a.entity_type as entityType',
          'a.entity_id as entityId',
          'a.before',
          'a.after',
          'a.reason',
          'a.request_id as requestId',
          iso('a.created_at').as('createdAt'),
        ])
        .limit(page.pageSize)
        .offset(page.offset)
        .$castTo<AuditEntryView>(),
    ),
    runQueryFirst(
      manager,
      typedSql
        .selectFrom('audit_log as a')
        .select(sql<number>`count(*)::int`.as('total'))
        .where(auditFilters(filters)),
    ),
  ]);
  return { rows, total: counted?.total ?? 0 };
}

/** The export's query (every filtered row, newest first, as CSV text cells), compiled for a cursor. */
export function auditExportSql(filters: AuditFilters): { sql: string; parameters: readonly unknown[] } {
  return newestFirst(filters)
    .select([
      sql<string>`${sql.ref('a.id')}::text`.as('id'),
      iso('a.created_at').as('created_at'),
      sql<string>`${sql.ref('a.actor_id')}::text`.as('actor_id'),
      'u.full_name as actor_name',
      'u.email as actor_email',
      'a.action',
      'a.entity_type',
      'a.entity_id',
      'a.reason',
      'a.request_id',
      sql<string>`${sql.ref('a.before')}::text`.as('before'),
      sql<string>`${sql.ref('a.after')}::text`.as('after'),
    ])
    .compile();
}
