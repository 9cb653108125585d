import { buffer } from 'node:stream/consumers';
import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger } from '@nestjs/common';
import { Clock } from '@vgbf/core';
import { InjectDataSource } from '@nestjs/typeorm';
import { HeldEndSmtp, type HeldSend, type OutgoingMail, renderEmail } from '@vgbf/mail';
import {
  claimMailRow,
  type EmailMessage,
  OutboxMessage,
  outboxRowExists,
  recordFailedMailAttempt,
  requeueRefusedMail,
} from '@vgbf/outbox';
import { type JobPayloads, QUEUES } from '@vgbf/queue';
import { DOCUMENT_STORAGE, type DocumentStorage } from '@vgbf/storage';
import type { Job } from 'bullmq';
import type { DataSource } from 'typeorm';

export type MailOutcome = 'sent' | 'already-sent' | 'missing';

const message = (error: unknown): string => String((error as Error)?.message ?? error).slice(0, 2000);

/**
 * Sends the email of one outbox row, once, even when the worker is killed mid-send.
 *
 * The row is locked (and marked done, uncommitted) and the whole message goes to the SMTP server except the end of DATA (a server
 * accepts a message only then, and discards it if the connection drops before). Then, back to back
 * with no network wait between them, the end of DATA and the COMMIT of the row marked done are
 * written to their sockets. Killed before both: no message, row still queued, it is sent again once.
 * Killed after both: the kernel delivers both. Only a kill in the microseconds between the two writes
 * (or a COMMIT that fails after the server accepted) sends it twice; the stable Message-ID lets a
 * receiving system spot that. The old order (send, await the server's answer, then commit) left a
 * whole SMTP and PostgreSQL round trip between the two, and a SIGKILL under load sent 3–5 emails twice.
 *
 * A redelivered job (or a second worker) finds the row done and sends nothing. If the server refuses
 * the message at the end of DATA, the row goes back to queued and the job retries.
 */
// A killed worker's jobs go back to the queue once their lock lapses: 10 s (renewed every 5 s while
// alive) and checked every 5 s, instead of BullMQ's 30 s + 30 s, so an email waits at most ~15 s.
@Processor(QUEUES.mail, { concurrency: 8, lockDuration: 10_000, stalledInterval: 5_000 })
export class MailProcessor extends WorkerHost {
  private readonly logger = new Logger(MailProcessor.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly smtp: HeldEndSmtp,
    @Inject(DOCUMENT_STORAGE) private readonly storage: DocumentStorage,
    private readonly clock: Clock,
  ) {
    super();
  }

  /** The attachments' bytes, read from storage at send time (a missing file fails the attempt; the job retries). */
  private async attachments(email: EmailMessage): Promise<OutgoingMail['attachments']> {
    if (!email.attachments?.length) return undefined;
    return Promise.all(
      email.attachments.map(async (a) => ({
        filename: a.filename,
        contentType: a.contentType,
        content: await buffer(await this.storage.get(a.storageKey)),
      })),
    );
  }

  async process(job: Job<JobPayloads['mail']>): Promise<MailOutcome> {
    const { outboxId } = job.data;
    const tx = this.db.createQueryRunner();
    let send: HeldSend | undefined;
    let committed = false;
    try {
      await tx.connect();
      await tx.startTransaction();
      // One statement locks the row and marks it done (undone by the rollback if the send fails): a
      // second worker with the same row waits here, then finds it done.
      const row = await claimMailRow(tx.manager, outboxId, this.clock.now());
      if (!row) {
        await tx.rollbackTransaction();
        return (await outboxRowExists(this.db.manager, outboxId)) ? 'already-sent' : 'missing';
      }
      const { email } = row;
      const rendered = renderEmail(email.template, email.language, email.data);
      const attachments = await this.attachments(email);
      send = await this.smtp.begin({ to: email.to, ...rendered, attachments, messageId: `<${row.id}@vgbf-cohort>` });
      await send.ready;
      // The end of DATA first, then the COMMIT: if anything, a duplicate rather than a lost email.
      await send.release();
      await tx.commitTransaction();
      committed = true;
      await send.accepted;
      return 'sent';
    } catch (error) {
      if (committed) {
        // Refused (or cut off) at the end of DATA after the commit: not delivered, so send it again.
        await requeueRefusedMail(this.db.manager, outboxId, message(error));
      } else {
        send?.abort();
        if (tx.isTransactionActive) await tx.rollbackTransaction().catch(() => undefined);
        await recordFailedMailAttempt(this.db.manager, outboxId, message(error));
      }
      throw error;
    } finally {
      await tx.release();
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
