import type { ExportCell } from './export-columns';

/** Lets Excel read the file as UTF-8 (without it, Vietnamese turns to mojibake). */
export const UTF8_BOM = '\uFEFF';

/** A spreadsheet runs a cell that starts with one of these as a formula (CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV field: formula-looking text defused with a leading apostrophe, then RFC 4180 quoting. */
export function csvField(value: ExportCell): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One CSV record, CRLF-terminated as RFC 4180 has it. */
export function csvRecord(values: readonly ExportCell[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}
