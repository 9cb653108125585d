import { Readable } from 'node:stream';
import { SqlCursor } from '@vgbf/database';
import type { DataSource } from 'typeorm';
import type { AuditExportQuery, AuditQuery } from './dto/audit-query.dto';

type AuditFilters = Partial<
  Pick<AuditQuery, 'entityType' | 'entityId' | 'actorId' | 'actor' | 'action' | 'from' | 'to'>
>;

/** Rows read per FETCH: what the export holds in memory at any time. */
export const AUDIT_EXPORT_BATCH = 500;

export const AUDIT_CSV_COLUMNS = [
  'id',
  'created_at',
  'actor_id',
  'actor_name',
  'actor_email',
  'action',
  'entity_type',
  'entity_id',
  'reason',
  'request_id',
  'before',
  'after',
] as const;

type CsvRow = Record<(typeof AUDIT_CSV_COLUMNS)[number], string | null>;

/** Lets Excel read the file as UTF-8 (Vietnamese names in before/after). */
const UTF8_BOM = '\uFEFF';
/** A spreadsheet runs a cell that starts with one of these as a formula (CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvField(value: string | null): string {
  if (value === null) return '';
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The WHERE clause of the audit filters, shared by the page and the export. */
export function auditFilters(query: AuditFilters): {
  where: string;
  params: unknown[];
} {
  const where: string[] = ['TRUE'];
  const params: unknown[] = [];
  const add = (sql: string, value: unknown): void => {
    params.push(value);
    where.push(sql.replace('?', `$${params.length}`));
  };
  if (query.entityType) add('a.entity_type = ?', query.entityType);
  if (query.entityId) add('a.entity_id = ?', query.entityId);
  if (query.actorId) add('a.actor_id = ?', query.actorId);
  if (query.actor)
    add(
      `EXISTS (SELECT 1 FROM user_contacts_v f WHERE f.id = a.actor_id
                 AND vgbf_fold(f.full_name || ' ' || f.email) LIKE '%' || vgbf_fold(?) || '%')`,
      query.actor.replace(/[%_\\]/g, '\\$&'),
    );
  if (query.action) add('a.action = ?', query.action);
  if (query.from) add('a.created_at >= ?', query.from);
  if (query.to) add('a.created_at < ?', query.to);
  return { where: where.join(' AND '), params };
}

/**
 * The filtered audit rows as CSV, newest first, read through a cursor in batches as the client takes
 * them (Readable.from waits for the reader). The cursor is open before this returns, so a failure to
 * start still answers as a problem; it closes on the last batch or when the client goes away.
 */
export async function openAuditCsv(db: DataSource, query: AuditExportQuery): Promise<Readable> {
  const { where, params } = auditFilters(query);
  const cursor = await SqlCursor.open<CsvRow>(
    db,
    `SELECT a.id::text AS id, to_char(a.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS created_at,
            a.actor_id::text AS actor_id, u.full_name AS actor_name, u.email AS actor_email, a.action, a.entity_type, a.entity_id, a.reason, a.request_id,
            a.before::text AS before, a.after::text AS after
       FROM audit_log a LEFT JOIN user_contacts_v u ON u.id = a.actor_id WHERE ${where}
      ORDER BY a.created_at DESC, a.id DESC`,
    params,
    AUDIT_EXPORT_BATCH,
  );
  async function* lines(): AsyncGenerator<string> {
    try {
      yield `${UTF8_BOM}${AUDIT_CSV_COLUMNS.join(',')}\r\n`;
      for (let rows = await cursor.next(); rows.length > 0; rows = await cursor.next()) {
        yield rows.map((row) => `${AUDIT_CSV_COLUMNS.map((c) => csvField(row[c])).join(',')}\r\n`).join('');
      }
    } finally {
      await cursor.close();
    }
  }
  return Readable.from(lines(), { objectMode: false });
}
