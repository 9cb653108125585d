import type { FieldError } from '@vgbf/core';
import { CsvError, parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { MentorFileError } from './mentors.errors';

/** The mentor list's columns, in the order the export writes them; lists are separated by `;`. */
export const MENTOR_CSV_COLUMNS = [
  'email',
  'full_name',
  'language',
  'organisation',
  'title',
  'sectors',
  'expertise',
  'languages',
  'city',
  'time_zone',
  'capacity',
  'available_from',
  'available_to',
] as const;
export type MentorCsvColumn = (typeof MENTOR_CSV_COLUMNS)[number];

/** The DTO property each column fills, so a row is checked by the same class as POST /mentors. */
const PROPERTY_OF: Record<MentorCsvColumn, string> = {
  email: 'email',
  full_name: 'fullName',
  language: 'language',
  organisation: 'organisation',
  title: 'title',
  sectors: 'sectors',
  expertise: 'expertise',
  languages: 'languages',
  city: 'city',
  time_zone: 'timeZone',
  capacity: 'capacity',
  available_from: 'availableFrom',
  available_to: 'availableTo',
};
const COLUMN_OF = new Map(Object.entries(PROPERTY_OF).map(([column, property]) => [property, column]));

export const MAX_IMPORT_BYTES = 1024 * 1024;
export const MAX_IMPORT_ROWS = 2000;

export interface MentorCsvRow {
  /** The line of the file the record starts on (the header is line 1). */
  line: number;
  cells: Record<MentorCsvColumn, string>;
  /** Cells beyond the header's columns (a stray comma or an unquoted `,` in a value). */
  extraCells: number;
}

/** A spreadsheet runs a cell that starts with one of these as a formula (CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** The export defuses formula-looking text with a leading apostrophe; reading undoes exactly that. */
const defuse = (value: string): string => (FORMULA_START.test(value) ? `'${value}` : value);
const undefuse = (value: string): string => (/^'[=+\-@\t\r]/.test(value) ? value.slice(1) : value);

/**
 * Reads the file's records with their line numbers, after checking the header. Throws
 * MentorFileError when the file is not a mentor CSV at all (unreadable, wrong columns, too long).
 */
export function readMentorCsv(text: string): MentorCsvRow[] {
  let records: Array<{ record: string[]; raw: string }>;
  try {
    // No skip_empty_lines: every record (blank ones too) is kept, so counting the raw text's
    // newlines gives each record's first line even when a quoted value spans several.
    records = parse(text, { bom: true, raw: true, relax_column_count: true }) as unknown as typeof records;
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    throw new MentorFileError([
      { field: 'file', message: `The file is not a readable CSV: ${error.message}`, code: 'validation.csv_unreadable' },
    ]);
  }
  let line = 1;
  const numbered = records.map(({ record, raw }) => {
    const start = line;
    // The raw text may or may not carry its record's own line ending (csv-parse keeps it with LF
    // files, not with CRLF ones): only the newlines inside the record count.
    line += (raw.replace(/\r?\n$/, '').match(/\n/g)?.length ?? 0) + 1;
    return { line: start, record };
  });
  const blank = (record: string[]) => record.every((cell) => cell.trim() === '');
  const content = numbered.filter((r) => !blank(r.record));
  const [header, ...rows] = content;
  if (!header)
    throw new MentorFileError([
      { field: 'file', message: 'The file is empty: it needs a header line.', code: 'validation.csv_empty' },
    ]);
  const columns = header.record.map((cell) => cell.trim().toLowerCase());
  const errors: FieldError[] = [];
  for (const expected of MENTOR_CSV_COLUMNS) {
    if (!columns.includes(expected))
      errors.push({
        field: 'header',
        message: `column ${expected} is missing`,
        code: 'validation.csv_missing_column',
        params: { column: expected },
      });
  }
  for (const [i, column] of columns.entries()) {
    if (!(MENTOR_CSV_COLUMNS as readonly string[]).includes(column)) {
      errors.push({
        field: 'header',
        message: `column "${header.record[i]}" is not a mentor column`,
        code: 'validation.csv_unknown_column',
        params: { column: header.record[i] ?? '' },
      });
    } else if (columns.indexOf(column) !== i) {
      errors.push({
        field: 'header',
        message: `column ${column} appears more than once`,
        code: 'validation.csv_repeated_column',
        params: { column },
      });
    }
  }
  if (errors.length) throw new MentorFileError(errors);
  if (rows.length > MAX_IMPORT_ROWS) {
    throw new MentorFileError([
      {
        field: 'file',
        message: `The file has ${rows.length} rows; at most ${MAX_IMPORT_ROWS} are read at once.`,
        code: 'validation.csv_too_many_rows',
        params: { rows: rows.length, max: MAX_IMPORT_ROWS },
      },
    ]);
  }
  return rows.map(({ line: rowLine, record }) => ({
    line: rowLine,
    cells: Object.fromEntries(
      MENTOR_CSV_COLUMNS.map((column) => [column, undefuse((record[columns.indexOf(column)] ?? '').trim())]),
    ) as Record<MentorCsvColumn, string>,
    extraCells: Math.max(0, record.length - columns.length),
  }));
}

const list = (cell: string): string[] =>
  cell
    .split(';')
    .map((item) => item.trim().toLowerCase())
    .filter(Boolean);
const orNull = (cell: string): string | null => (cell === '' ? null : cell);

/**
 * A row as the body of POST /mentors would carry it. A row is the whole profile: an empty cell is
 * "none" (no organisation, anywhere, no dates); an empty capacity is the default.
 */
export function rowToMentorInput(cells: Record<MentorCsvColumn, string>): Record<string, unknown> {
  const capacity =
    cells.capacity === '' ? undefined : /^-?\d+$/.test(cells.capacity) ? Number(cells.capacity) : cells.capacity;
  return {
    email: cells.email,
    fullName: cells.full_name,
    language: cells.language.toLowerCase(),
    organisation: orNull(cells.organisation),
    title: orNull(cells.title),
    sectors: list(cells.sectors),
    expertise: list(cells.expertise),
    languages: list(cells.languages),
    city: orNull(cells.city),
    timeZone: cells.time_zone,
    capacity,
    availableFrom: orNull(cells.available_from),
    availableTo: orNull(cells.available_to),
  };
}

/** Validation errors named by the DTO's properties, renamed to the file's columns. */
export const toColumnErrors = (errors: FieldError[]): FieldError[] =>
  errors.map((e) => ({ ...e, field: COLUMN_OF.get(e.field.split('.')[0]) ?? e.field }));

export interface MentorCsvRecord {
  email: string;
  fullName: string;
  language: string;
  organisation: string | null;
  title: string | null;
  sectors: string[];
  expertise: string[];
  languages: string[];
  city: string | null;
  timeZone: string;
  capacity: number;
  availableFrom: string | null;
  availableTo: string | null;
}

/** The whole list as one CSV text: UTF-8 with a BOM (Excel reads Vietnamese right), CRLF, header first. */
export function writeMentorCsv(mentors: MentorCsvRecord[]): string {
  const cells = (m: MentorCsvRecord): string[] => [
    m.email,
    m.fullName,
    m.language,
    m.organisation ?? '',
    m.title ?? '',
    m.sectors.join(';'),
    m.expertise.join(';'),
    m.languages.join(';'),
    m.city ?? '',
    m.timeZone,
    String(m.capacity),
    m.availableFrom ?? '',
    m.availableTo ?? '',
  ];
  return stringify([[...MENTOR_CSV_COLUMNS], ...mentors.map(cells)], {
    bom: true,
    record_delimiter: 'windows',
    cast: { string: defuse },
  });
}
