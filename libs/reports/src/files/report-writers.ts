import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';

export type Cell = string | number | Date | null;

export interface ReportColumn<Row> {
  header: string;
  width?: number;
  value: (row: Row) => Cell;
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
  ) {
    out.write(UTF8_BOM + columns.map((c) => csvCell(c.header)).join(',') + '\r\n');
  }

  write(rows: Row[]): void {
    this.out.write(rows.map((row) => this.columns.map((c) => csvCell(c.value(row))).join(',') + '\r\n').join(''));
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
  ) {
    this.workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
    this.sheet = this.workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
    this.sheet.columns = columns.map((c) => ({ header: c.header, width: c.width ?? 16 }));
    const header = this.sheet.getRow(1);
    header.font = { bold: true };
    header.commit();
  }

  write(rows: Row[]): void {
    for (const row of rows) this.sheet.addRow(this.columns.map((c) => c.value(row))).commit();
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
): ReportWriter<Row> {
  switch (format) {
    case 'csv':
      return new CsvWriter(out, columns);
    case 'xlsx':
      return new XlsxWriter(out, sheetName, columns);
  }
}
