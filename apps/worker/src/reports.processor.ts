import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { type JobPayloads, QUEUES } from '@vgbf/queue';
import { ReportGenerator, type ReportOutcome } from '@vgbf/reports';
import type { Job } from 'bullmq';

/** Generates on-demand reports (one outbox row each: job id = outbox id). The generator is safe to run twice. */
@Processor(QUEUES.reports, { concurrency: 2 })
export class ReportsProcessor extends WorkerHost {
  private readonly logger = new Logger(ReportsProcessor.name);

  constructor(private readonly generator: ReportGenerator) {
    super();
  }

  process(job: Job<JobPayloads['reports']>): Promise<ReportOutcome> {
    return this.generator.runOutbox(job.data.outboxId);
  }

  /** After the last retry the report shows failed, with the error; the job stays in the failed set. */
  @OnWorkerEvent('failed')
  async onFailed(job: Job<JobPayloads['reports']> | undefined, error: Error): Promise<void> {
    if (!job) return;
    const final = job.attemptsMade >= (job.opts.attempts ?? 1);
    this.logger.warn({ outboxId: job.data.outboxId, attempt: job.attemptsMade, final, err: error }, 'Report failed');
    if (final) await this.generator.fail(job.data.outboxId, error);
  }
}
