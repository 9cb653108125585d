import type { Writable } from 'node:stream';
import type { LabelLanguage } from '@vgbf/config';
import ExcelJS from 'exceljs';

export type Cell = string | number | Date | null;

/** A report column: its header in both languages, and its value in the reader's (labels, not codes). */
export interface ReportColumn<Row> {
  header: Record<LabelLanguage, string>;
  width?: number;
  value: (row: Row, language: LabelLanguage) => Cell;
}

export const REPORT_CONTENT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

/** Turns batches of rows into one file, written to `out` as they come. */
export interface ReportWriter<Row> {
  write(rows: Row[]): void;
  /** Finishes the file and ends `out`. */
  end(): Promise<void>;
}

const UTF8_BOM = '\uFEFF';

/** A spreadsheet reads a cell starting with = + - @ (or a tab/CR) as a formula: prefix it with '. */
const defused = (text: string): string => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);

export function csvCell(value: Cell): string {
  if (value === null) return '';
  const text = value instanceof Date ? value.toISOString() : typeof value === 'number' ? String(value) : defused(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

class CsvWriter<Row> implements ReportWriter<Row> {
  constructor(
    private readonly out: Writable,
    private readonly columns: Array<ReportColumn<Row>>,
    private readonly language: LabelLanguage,
  ) {
    out.write(UTF8_BOM + columns.map((c) => csvCell(c.header[language])).join(',') + '\r\n');
  }

  write(rows: Row[]): void {
    this.out.write(
      rows.map((row) => this.columns.map((c) => csvCell(c.value(row, this.language))).join(',') + '\r\n').join(''),
    );
  }

  end(): Promise<void> {
    return new Promise((resolve) => this.out.end(resolve));
  }
}

/** exceljs's streaming writer, inline strings: each committed row is zipped at once and forgotten. */
class XlsxWriter<Row> implements ReportWriter<Row> {
  private readonly workbook: ExcelJS.stream.xlsx.WorkbookWriter;
  private readonly sheet: ExcelJS.Worksheet;

  constructor(
    out: Writable,
    sheetName: string,
    private readonly columns: Array<ReportColumn<Row>>,
    private readonly language: LabelLanguage,
  ) {
    this.workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
    this.sheet = this.workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
    this.sheet.columns = columns.map((c) => ({ header: c.header[language], width: c.width ?? 16 }));
    const header = this.sheet.getRow(1);
    header.font = { bold: true };
    header.commit();
  }

  write(rows: Row[]): void {
    for (const row of rows) this.sheet.addRow(this.columns.map((c) => c.value(row, this.language))).commit();
  }

  async end(): Promise<void> {
    this.sheet.commit();
    await this.workbook.commit();
  }
}

export function createReportWriter<Row>(
  format: 'csv' | 'xlsx',
  out: Writable,
  sheetName: string,
  columns: Array<ReportColumn<Row>>,
  language: LabelLanguage,
): ReportWriter<Row> {
  switch (format) {
    case 'csv':
      return new CsvWriter(out, columns, language);
    case 'xlsx':
      return new XlsxWriter(out, sheetName, columns, language);
  }
}
