import type { Readable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type AuthenticatedUser, NotFoundError } from '@vgbf/core';
import { OutboxService } from '@vgbf/outbox';
import { QUEUES } from '@vgbf/queue';
import { DOCUMENT_STORAGE, type DocumentStorage } from '@vgbf/storage';
import type { DataSource } from 'typeorm';
import { cohortRow } from '../cohort-reads';
import { ReportJob } from '../entities/report-job.entity';
import { REPORT_CONTENT_TYPES } from '../files/report-writers';
import { ReportNotReadyError } from '../reports.errors';
import type { ReportJobView, RequestReportDto } from './report-jobs.dto';

export const toReportJobView = (job: ReportJob): ReportJobView => ({
  id: job.id,
  kind: job.kind,
  format: job.format,
  cohortId: job.cohortId,
  status: job.status,
  progress: job.progress,
  rows: job.rows,
  filename: job.filename,
  error: job.error,
  createdAt: job.createdAt.toISOString(),
  finishedAt: job.finishedAt?.toISOString() ?? null,
});

/** On-demand reports as their requester sees them: asked for, followed, downloaded. The worker makes the file. */
@Injectable()
export class ReportJobsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly outbox: OutboxService,
    @Inject(DOCUMENT_STORAGE) private readonly storage: DocumentStorage,
  ) {}

  /** The report_jobs row and its outbox job commit together: no job without a row, no row without a job. */
  async request(actor: AuthenticatedUser, input: RequestReportDto): Promise<ReportJobView> {
    return this.db.transaction(async (manager) => {
      await cohortRow(manager, input.cohortId);
      const repo = manager.getRepository(ReportJob);
      const job = await repo.save(
        repo.create({ kind: input.kind, format: input.format, cohortId: input.cohortId, requestedBy: actor.id }),
      );
      await this.outbox.enqueueJob(manager, QUEUES.reports, { reportJobId: job.id });
      return toReportJobView(job);
    });
  }

  /** The caller's reports, newest first: all of them, or one cohort's. */
  async mine(actor: AuthenticatedUser, cohortId?: string): Promise<ReportJobView[]> {
    const where = cohortId ? { requestedBy: actor.id, cohortId } : { requestedBy: actor.id };
    const jobs = await this.db
      .getRepository(ReportJob)
      .find({ where, order: { createdAt: 'DESC', id: 'DESC' }, take: 100 });
    return jobs.map(toReportJobView);
  }

  async get(actor: AuthenticatedUser, id: string): Promise<ReportJobView> {
    return toReportJobView(await this.own(actor, id));
  }

  /** The finished file; 409 while it is queued, running or failed. */
  async download(
    actor: AuthenticatedUser,
    id: string,
  ): Promise<{ stream: Readable; filename: string; contentType: string }> {
    const job = await this.own(actor, id);
    if (job.status !== 'done' || !job.storageKey || !job.filename) throw new ReportNotReadyError(job.status);
    return {
      stream: await this.storage.get(job.storageKey),
      filename: job.filename,
      contentType: REPORT_CONTENT_TYPES[job.format],
    };
  }

  /** Another staff member's report is a 404, as if it did not exist. */
  private async own(actor: AuthenticatedUser, id: string): Promise<ReportJob> {
    const job = await this.db.getRepository(ReportJob).findOneBy({ id, requestedBy: actor.id });
    if (!job) throw new NotFoundError('Report', id);
    return job;
  }
}
