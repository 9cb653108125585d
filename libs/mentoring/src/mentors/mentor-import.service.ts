import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '@vgbf/audit';
import { type AuthenticatedUser, type FieldError, cleanInput, toFieldErrors } from '@vgbf/core';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { Transactions } from '@vgbf/database';
import { DataSource } from 'typeorm';
import { CreateMentorDto, DEFAULT_CAPACITY, type MentorImportReport, type ImportRejectedRow } from './dto/mentor.dto';
import { type MentorCsvRow, readMentorCsv, rowToMentorInput, toColumnErrors, writeMentorCsv } from './mentor-csv';
import { mentorCsvRecords, readProfile } from '../data-access/mentor-profiles';
import { MentorFileError } from './mentors.errors';
import { MentorsService } from './mentors.service';

interface CheckedRow {
  line: number;
  email: string | null;
  input: CreateMentorDto;
  errors: FieldError[];
}

/** The ValidationPipe's own options, so a row is refused exactly as the same JSON body would be. */
const ROW_VALIDATION = {
  whitelist: true,
  forbidNonWhitelisted: true,
  forbidUnknownValues: true,
  stopAtFirstError: true,
  // Target and value let toFieldErrors find each check's limits (its params); neither leaves the server.
  validationError: { target: true, value: true },
} as const;

async function checkRow(row: MentorCsvRow): Promise<CheckedRow> {
  // A file's cells meet the text rules of a JSON body (no control characters, NFC) before the DTO's.
  const text = cleanInput(rowToMentorInput(row.cells));
  const input = plainToInstance(CreateMentorDto, text.value);
  const errors = toColumnErrors([...text.errors, ...toFieldErrors(await validate(input, ROW_VALIDATION))]);
  if (row.extraCells > 0) {
    errors.push({
      field: 'row',
      message: `the row has ${row.extraCells} cell(s) more than the header`,
      code: 'validation.csv_extra_cells',
      params: { cells: row.extraCells },
    });
  }
  return { line: row.line, email: row.cells.email || null, input, errors };
}

/** Every occurrence of an email listed twice is refused: which of the two was meant is not ours to guess. */
function refuseDuplicates(rows: CheckedRow[]): void {
  const lines = new Map<string, number[]>();
  for (const row of rows) {
    const key = row.email?.toLowerCase();
    if (key) lines.set(key, [...(lines.get(key) ?? []), row.line]);
  }
  for (const row of rows) {
    const same = lines.get(row.email?.toLowerCase() ?? '') ?? [];
    if (same.length > 1) {
      row.errors.push({
        field: 'email',
        message: `email appears more than once in the file (lines ${same.join(', ')})`,
        code: 'validation.csv_repeated_email',
        params: { lines: same },
      });
    }
  }
}

/**
 * The mentor list as a CSV file: read (every row checked like POST /mentors, the good ones written
 * together or not at all) and written (the same columns, so an export imports back unchanged).
 */
@Injectable()
export class MentorImportService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly mentors: MentorsService,
    private readonly audit: AuditService,
    private readonly transactions: Transactions,
  ) {}

  async import(actor: AuthenticatedUser, file: Buffer, filename: string | null): Promise<MentorImportReport> {
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(file);
    } catch {
      throw new MentorFileError([
        {
          field: 'file',
          message: 'The file must be UTF-8 text (save it as "CSV UTF-8").',
          code: 'validation.csv_not_utf8',
        },
      ]);
    }
    const rows = await Promise.all(readMentorCsv(text).map(checkRow));
    refuseDuplicates(rows);
    const good = rows.filter((r) => r.errors.length === 0);
    const rejected: ImportRejectedRow[] = rows
      .filter((r) => r.errors.length > 0)
      .map((r) => ({ line: r.line, email: r.email, errors: r.errors }));
    const report: MentorImportReport = { imported: 0, created: 0, updated: 0, unchanged: 0, rejected };
    // One transaction for every good row and the summary: a failed write leaves nothing behind.
    await this.transactions.run(async (manager) => {
      for (const { input } of good) {
        const { userId, invited } = await this.mentors.ensureAccount(manager, actor, input);
        if (!(await readProfile(manager, userId))) {
          await this.mentors.insertWithin(manager, actor, userId, input, invited, 'import');
          report.created += 1;
          continue;
        }
        // A row is the whole profile (bio and active are not columns: they stay as they are).
        const changed = await this.mentors.updateWithin(
          manager,
          actor,
          userId,
          {
            organisation: input.organisation ?? null,
            title: input.title ?? null,
            sectors: input.sectors ?? [],
            expertise: input.expertise ?? [],
            languages: input.languages,
            city: input.city ?? null,
            timeZone: input.timeZone,
            capacity: input.capacity ?? DEFAULT_CAPACITY,
            availableFrom: input.availableFrom ?? null,
            availableTo: input.availableTo ?? null,
          },
          'import',
        );
        if (changed) report.updated += 1;
        else report.unchanged += 1;
      }
      report.imported = good.length;
      await this.audit.record(manager, actor, {
        action: 'mentor.imported',
        entityType: 'mentor_import',
        entityId: randomUUID(),
        after: {
          filename,
          rows: rows.length,
          imported: report.imported,
          created: report.created,
          updated: report.updated,
          unchanged: report.unchanged,
          rejectedLines: rejected.map((r) => r.line),
        },
      });
    });
    return report;
  }

  /** Every mentor with a profile, by name: the columns of the import. */
  async export(): Promise<string> {
    const rows = await mentorCsvRecords(this.db.manager);
    return writeMentorCsv(rows);
  }
}
