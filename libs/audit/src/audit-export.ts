import { Readable } from 'node:stream';
import { SqlCursor } from '@vgbf/database';
import type { DataSource } from 'typeorm';
import { auditExportSql } from './data-access/audit-log';
import type { AuditExportQuery } from './dto/audit-query.dto';

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

/**
 * The filtered audit rows as CSV, newest first, read through a cursor in batches as the client takes
 * them (Readable.from waits for the reader). The cursor is open before this returns, so a failure to
 * start still answers as a problem; it closes on the last batch or when the client goes away.
 */
export async function openAuditCsv(db: DataSource, query: AuditExportQuery): Promise<Readable> {
  const { sql, parameters } = auditExportSql(query);
  const cursor = await SqlCursor.open<CsvRow>(db, sql, [...parameters], AUDIT_EXPORT_BATCH);
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
