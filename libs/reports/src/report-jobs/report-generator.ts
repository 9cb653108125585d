import { PassThrough } from 'node:stream';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { markOutboxDone, markOutboxFailed, outboxPayload } from '@vgbf/outbox';
import { DOCUMENT_STORAGE, type DocumentStorage } from '@vgbf/storage';
import type { DataSource } from 'typeorm';
import { ReportJob } from '../entities/report-job.entity';
import { REPORT_DEFINITIONS, fileSlug } from '../files/report-definitions';
import { createReportWriter } from '../files/report-writers';
import { SqlCursor } from '@vgbf/database';
import {
  accountLanguage,
  claimReportJob,
  cohortName,
  failReportJob,
  finishReportJob,
  setReportProgress,
} from '../data-access/report-jobs';
import { statement } from '../data-access/relations';
import { ProgressQuery } from '../progress/progress-query';

/** Rows read per FETCH: what the generator holds as objects at any time. */
export const REPORT_BATCH_SIZE = 500;

export type ReportOutcome = 'done' | 'already-done' | 'missing';

/** Resolves once `out` wants more data, or is gone. */
const drained = (out: PassThrough): Promise<void> =>
  new Promise((resolve) => {
    const done = (): void => {
      out.off('drain', done).off('close', done);
      resolve();
    };
    out.on('drain', done).on('close', done);
  });

/**
 * Generates one on-demand report (worker side): reads the report through a server-side cursor in
 * batches, streams the CSV/XLSX into DocumentStorage while updating `progress`, then marks the row done.
 *
 * Safe to run twice: a done row is left alone; the final UPDATE only moves a row that is not yet done,
 * so of two runs racing, one stores the key and the other deletes its own file. One file, one done row.
 */
@Injectable()
export class ReportGenerator {
  private readonly logger = new Logger(ReportGenerator.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(DOCUMENT_STORAGE) private readonly storage: DocumentStorage,
    private readonly progress: ProgressQuery,
  ) {}

  /** Runs the report an outbox row asks for (payload { reportJobId }); marks the row done with the report. */
  async runOutbox(outboxId: string): Promise<ReportOutcome> {
    const reportJobId = (await outboxPayload<{ reportJobId?: string }>(this.db.manager, outboxId))?.reportJobId;
    if (!reportJobId) return 'missing';
    const outcome = await this.run(reportJobId);
    await markOutboxDone(this.db.manager, outboxId, this.progress.now());
    return outcome;
  }

  async run(reportJobId: string): Promise<ReportOutcome> {
    const claimed = await claimReportJob(this.db.manager, reportJobId);
    const job = await this.db.getRepository(ReportJob).findOneBy({ id: reportJobId });
    if (!job) return 'missing';
    if (!claimed) return 'already-done';

    const cohort = job.cohortId ? await cohortName(this.db.manager, job.cohortId) : undefined;
    // The file speaks its requester's language (their account's), read when it is made.
    const language = (await accountLanguage(this.db.manager, job.requestedBy)) === 'en' ? 'en' : 'vi';
    const definition = REPORT_DEFINITIONS[job.kind];
    const cohortId = job.cohortId ?? '';
    const query = statement(definition.statement(cohortId, this.progress.input([cohortId], false))).compile();
    const params = [...query.parameters];
    const cursor = await SqlCursor.open<Record<string, unknown>>(this.db, query.sql, params, REPORT_BATCH_SIZE);
    let storageKey: string | undefined;
    try {
      const total = await cursor.count(query.sql, params);
      const out = new PassThrough({ highWaterMark: 1024 * 1024 });
      const writer = createReportWriter(job.format, out, definition.sheet[language], definition.columns, language);
      const stored = this.storage.put(out, { prefix: `reports/${job.id}` });
      // If storing fails, stop feeding it (and surface its error below).
      stored.catch(() => out.destroy());
      let written = 0;
      let reported = 0;
      for (let rows = await cursor.next(); rows.length > 0; rows = await cursor.next()) {
        if (out.destroyed) break;
        writer.write(rows);
        written += rows.length;
        const percent = Math.min(99, Math.floor((written / Math.max(total, 1)) * 100));
        if (percent >= reported + 5) {
          reported = percent;
          await setReportProgress(this.db.manager, job.id, percent);
        }
        if (out.writableNeedDrain) await drained(out);
      }
      await cursor.close();
      if (!out.destroyed) await writer.end();
      storageKey = (await stored).key;
      const day = this.progress.today().replace(/-/g, '');
      const finished = await finishReportJob(this.db.manager, job.id, {
        rows: written,
        storageKey,
        filename: `${job.kind.replace(/_/g, '-')}-${fileSlug(cohort ?? '')}-${day}.${job.format}`,
        at: this.progress.now(),
      });
      if (!finished) {
        // Another run finished first: its file is the report; ours goes.
        await this.storage.delete(storageKey);
        return 'already-done';
      }
      return 'done';
    } catch (error) {
      if (storageKey) await this.storage.delete(storageKey).catch(() => undefined);
      throw error;
    } finally {
      await cursor.close().catch((error: unknown) => this.logger.error({ err: error }, 'Report cursor close failed'));
    }
  }

  /** After the last retry: the requester sees failed and why. */
  async fail(outboxId: string, error: Error): Promise<void> {
    const message = String(error.message).slice(0, 2000);
    const reportJobId = (await outboxPayload<{ reportJobId?: string }>(this.db.manager, outboxId))?.reportJobId;
    if (reportJobId) await failReportJob(this.db.manager, reportJobId, message, this.progress.now());
    await markOutboxFailed(this.db.manager, outboxId, message);
  }
}
