import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { MailTransport, renderEmail } from '@vgbf/mail';
import { type EmailMessage, OutboxMessage } from '@vgbf/outbox';
import { type JobPayloads, QUEUES } from '@vgbf/queue';
import type { Job } from 'bullmq';
import type { DataSource } from 'typeorm';

export type MailOutcome = 'sent' | 'already-sent' | 'missing';

/**
 * Sends the email of one outbox row. The row is locked while sending and marked done in the same
 * transaction, so a redelivered job (or a second worker) finds it done and sends nothing.
 */
@Processor(QUEUES.mail, { concurrency: 8 })
export class MailProcessor extends WorkerHost {
  private readonly logger = new Logger(MailProcessor.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly transport: MailTransport,
  ) {
    super();
  }

  async process(job: Job<JobPayloads['mail']>): Promise<MailOutcome> {
    const { outboxId } = job.data;
    try {
      return await this.db.transaction(async (manager) => {
        const row = await manager
          .getRepository(OutboxMessage)
          .findOne({ where: { id: outboxId }, lock: { mode: 'pessimistic_write' } });
        if (!row) return 'missing';
        if (row.status === 'done') return 'already-sent';
        const email = row.payload as unknown as EmailMessage;
        const rendered = renderEmail(email.template, email.language, email.data);
        await this.transport.send({ to: email.to, ...rendered, messageId: `<${row.id}@vgbf-cohort>` });
        await manager.update(
          OutboxMessage,
          { id: row.id },
          { status: 'done', processedAt: new Date(), attempts: row.attempts + 1, lastError: null },
        );
        return 'sent';
      });
    } catch (error) {
      await this.db.query(`UPDATE outbox SET attempts = attempts + 1, last_error = $2 WHERE id = $1`, [
        outboxId,
        String((error as Error).message).slice(0, 2000),
      ]);
      throw error;
    }
  }

  /** After the last retry the row is marked failed, so staff can see it; the job stays in the failed set. */
  @OnWorkerEvent('failed')
  async onFailed(job: Job<JobPayloads['mail']> | undefined, error: Error): Promise<void> {
    if (!job) return;
    const final = job.attemptsMade >= (job.opts.attempts ?? 1);
    this.logger.warn({ outboxId: job.data.outboxId, attempt: job.attemptsMade, final, err: error }, 'Email failed');
    if (final)
      await this.db
        .getRepository(OutboxMessage)
        .update({ id: job.data.outboxId, status: 'queued' }, { status: 'failed' });
  }
}
