import { Injectable } from '@nestjs/common';
import type { TemplatedEmail } from '@vgbf/mail';
import type { EntityManager } from 'typeorm';
import { insertJob, insertMail } from './data-access/outbox-writes';
import { OutboxMessage } from './entities/outbox-message.entity';

/** A file the caller stored in DocumentStorage before committing the email; the mail worker reads it at send time. */
export interface EmailAttachment {
  filename: string;
  storageKey: string;
  contentType: string;
}

/**
 * An email to send: a known template with that template's data (a typo in either fails the typecheck),
 * its recipient and language, and any attachments.
 */
export type EmailMessage = TemplatedEmail & {
  to: string;
  language: 'vi' | 'en';
  attachments?: EmailAttachment[];
};

/** Writes outbox rows inside the caller's transaction: the change and its email commit together. */
@Injectable()
export class OutboxService {
  async enqueueEmail(manager: EntityManager, email: EmailMessage): Promise<OutboxMessage> {
    // Every email-causing write (submit, the busiest) goes through here: a statement compiled once.
    const [row] = await insertMail(manager, { payload: { ...email } });
    return manager.getRepository(OutboxMessage).create({
      queue: 'mail',
      payload: { ...email },
      id: row?.id,
      status: row?.status as OutboxMessage['status'],
      attempts: row?.attempts,
      createdAt: row?.created_at,
    });
  }

  /** A job for a queue other than mail (e.g. reports), committed with the caller's change; returns the row id. */
  async enqueueJob(manager: EntityManager, queue: string, payload: Record<string, unknown>): Promise<string> {
    return insertJob(manager, queue, payload);
  }
}
