import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { EXPORT_COLUMNS, type ExportLanguage, type ExportRow, headerOf } from './export-columns';
import { UTF8_BOM, csvRecord } from './export-csv';
import type { ExportFormat } from './dto/export-query.dto';

/** Turns batches of rows into one file format, written to `out` as they come. */
export interface ExportWriter {
  write(rows: ExportRow[]): void;
  /** Finishes the file and ends `out`. */
  end(): Promise<void>;
}

export const EXPORT_CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

const cells = (row: ExportRow, language: ExportLanguage) => EXPORT_COLUMNS.map((c) => c.value(row, language));

class CsvWriter implements ExportWriter {
  constructor(
    private readonly out: Writable,
    private readonly language: ExportLanguage,
  ) {
    out.write(UTF8_BOM + csvRecord(EXPORT_COLUMNS.map((c) => headerOf(c, language))));
  }

  write(rows: ExportRow[]): void {
    // One write per batch: fewer, larger chunks for the socket.
    this.out.write(rows.map((row) => csvRecord(cells(row, this.language))).join(''));
  }

  end(): Promise<void> {
    return new Promise((resolve) => this.out.end(resolve));
  }
}

/**
 * exceljs's streaming writer: each committed row goes into the zip at once and is forgotten.
 * Values are typed cells (a string is text, never a formula), so XLSX needs no CSV-style
 * defusing; inline strings (no shared-string table) keep memory flat.
 */
class XlsxWriter implements ExportWriter {
  private readonly workbook: ExcelJS.stream.xlsx.WorkbookWriter;
  private readonly sheet: ExcelJS.Worksheet;

  constructor(
    out: Writable,
    private readonly language: ExportLanguage,
  ) {
    this.workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
    const sheetName = language === 'vi' ? 'Hồ sơ' : 'Applications';
    this.sheet = this.workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
    this.sheet.columns = EXPORT_COLUMNS.map((c) => ({ header: headerOf(c, language), width: c.width }));
    const header = this.sheet.getRow(1);
    header.font = { bold: true };
    header.commit();
  }

  write(rows: ExportRow[]): void {
    for (const row of rows) this.sheet.addRow(cells(row, this.language)).commit();
  }

  async end(): Promise<void> {
    this.sheet.commit();
    await this.workbook.commit();
  }
}

export function createExportWriter(format: ExportFormat, out: Writable, language: ExportLanguage): ExportWriter {
  switch (format) {
    case 'csv':
      return new CsvWriter(out, language);
    case 'xlsx':
      return new XlsxWriter(out, language);
  }
}
