import type { TransferRow } from './data-access/transfers';

export const TRANSFER_CSV_COLUMNS = [
  'transferred_at',
  'subject_user_id',
  'subject_name',
  'cohort',
  'source_kind',
  'source_id',
  'recipient_kind',
  'recipient_name',
  'country',
  'categories',
  'basis',
] as const;

/** Lets Excel read the file as UTF-8 (Vietnamese names). */
const UTF8_BOM = '\uFEFF';
/** A spreadsheet runs a cell that starts with one of these as a formula (CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvField(value: string | null): string {
  if (value === null) return '';
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The register's rows as CSV (codes, not words: a file for the authority's dossier and spreadsheets). Pure. */
export function transfersCsv(rows: TransferRow[]): string {
  const lines = rows.map((r) =>
    [
      r.transferredAt,
      r.subjectUserId,
      r.subjectName,
      r.cohortName,
      r.sourceKind,
      r.sourceId,
      r.recipientKind,
      r.recipientName,
      r.country,
      r.categories.join(' '),
      r.basis,
    ]
      .map(csvField)
      .join(','),
  );
  return `${UTF8_BOM}${[TRANSFER_CSV_COLUMNS.join(','), ...lines].map((l) => `${l}\r\n`).join('')}`;
}
