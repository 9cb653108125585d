import { PassThrough, type Readable } from 'node:stream';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CohortsService } from '@vgbf/cohorts';
import { Clock, programDay } from '@vgbf/core';
import type { DataSource } from 'typeorm';
import type { ApplicationFilters } from './data-access/application-filters';
import { exportQuery } from './data-access/application-lists';
import type { ExportFormat } from './dto/export-query.dto';
import type { ExportLanguage, ExportRow } from './export-columns';
import { EXPORT_CONTENT_TYPES, type ExportWriter, createExportWriter } from './export-writers';
import { SqlCursor } from '@vgbf/database';
import { ExportSlots } from './export-slots';

/** Rows read from PostgreSQL per FETCH: what the export holds as objects at any time. */
export const EXPORT_BATCH_SIZE = 500;

/**
 * What the response buffers before the next batch waits for the client. Above one batch's
 * output, so the zip stage of XLSX (between the writer and here) never piles up more than a batch.
 */
const OUTPUT_BUFFER_BYTES = 1024 * 1024;

/** XLSX files built at once per process, and how long one waits for its turn before going ahead anyway. */
const XLSX_SLOTS = new ExportSlots(1, 30_000);

export interface ApplicationExport {
  filename: string;
  contentType: string;
  stream: Readable;
}

/** "VGBF 2027" → "vgbf-2027": a file name part without diacritics or spaces. */
function fileSlug(text: string): string {
  const slug = text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug || 'cohort';
}

/** Resolves once `out` wants more data, or is gone. */
function drained(out: PassThrough): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      out.off('drain', done).off('close', done);
      resolve();
    };
    out.on('drain', done).on('close', done);
  });
}

/** Streams a cohort's filtered applications as CSV or XLSX, reading them through a cursor in batches. */
@Injectable()
export class ApplicationExportsService {
  private readonly logger = new Logger(ApplicationExportsService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly cohorts: CohortsService,
    private readonly clock: Clock,
  ) {}

  /**
   * Checks the cohort and declares the cursor before returning, so those failures still answer as
   * problems; rows then flow as the client reads them, and the connection goes back to the pool
   * when the last batch is read or the client goes away, whichever comes first.
   */
  async open(filters: ApplicationFilters, format: ExportFormat, language: ExportLanguage): Promise<ApplicationExport> {
    const cohort = await this.cohorts.get(filters.cohortId);
    // Before the cursor: a waiting export holds no pool connection.
    const release = format === 'xlsx' ? await XLSX_SLOTS.take() : () => undefined;
    let cursor: SqlCursor<ExportRow>;
    const out = new PassThrough({ highWaterMark: OUTPUT_BUFFER_BYTES });
    try {
      const query = exportQuery(filters);
      cursor = await SqlCursor.open<ExportRow>(this.db, query.sql, [...query.parameters], EXPORT_BATCH_SIZE);
    } catch (error) {
      release();
      throw error;
    }
    const writer = createExportWriter(format, out, language);
    void this.pump(cursor, writer, out).finally(release);
    const day = programDay(this.clock.now()).replace(/-/g, '');
    return {
      filename: `applications-${fileSlug(cohort.name)}-${day}.${format}`,
      contentType: EXPORT_CONTENT_TYPES[format],
      stream: out,
    };
  }

  /** Never rejects: a failure midway ends the response early (the status line is long gone). */
  private async pump(cursor: SqlCursor<ExportRow>, writer: ExportWriter, out: PassThrough): Promise<void> {
    try {
      for (let rows = await cursor.next(); rows.length > 0; rows = await cursor.next()) {
        if (out.destroyed) return;
        writer.write(rows);
        // Backpressure: no further batch while the client leaves a full buffer untaken.
        if (out.writableNeedDrain) await drained(out);
      }
    } catch (error) {
      out.destroy(error as Error);
      return;
    } finally {
      await cursor.close().catch((error: unknown) => this.logger.error({ err: error }, 'Export cursor close failed'));
    }
    if (out.destroyed) return;
    // A zip cannot finish into a response that is gone: stop waiting for it then.
    const gone = new Promise<void>((resolve) => out.once('close', resolve));
    await Promise.race([writer.end().catch((error: unknown) => void out.destroy(error as Error)), gone]);
  }
}
