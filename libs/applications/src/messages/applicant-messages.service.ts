import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '@vgbf/audit';
import { AppConfig } from '@vgbf/config';
import { type AuthenticatedUser, NotFoundError, formatInProgramZone } from '@vgbf/core';
import { type TemplateData, renderEmail } from '@vgbf/mail';
import { OutboxService } from '@vgbf/outbox';
import { Transactions } from '@vgbf/database';
import type { DataSource, EntityManager } from 'typeorm';
import {
  type MessageRow,
  insertMessage,
  messageById,
  messageByKey,
  messageRecipient,
  messagesOf,
  userName,
} from '../data-access/applicant-messages';
import { APPLICANT_MESSAGE_TEMPLATES, applicantMessageText } from './applicant-message-templates';
import type {
  ApplicantMessageDto,
  ApplicantMessageView,
  ApplicantMessagesView,
  EmailPreviewView,
} from './applicant-messages.dto';

type Recipient = NonNullable<Awaited<ReturnType<typeof messageRecipient>>>;

const view = (r: MessageRow): ApplicantMessageView => ({
  id: r.id,
  template: r.template,
  language: r.language,
  subject: r.subject,
  body: r.body,
  senderName: r.sender_name,
  createdAt: r.created_at.toISOString(),
  delivery: r.delivery,
});

/**
 * Staff write to an applicant about their application, from a template they may edit: previewed as
 * the applicant will read it, sent as one outbox email in the applicant's language in the same
 * transaction as the logged message, audited. Staff only: applicants get the email, reviewers nothing.
 */
@Injectable()
export class ApplicantMessagesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    private readonly transactions: Transactions,
  ) {}

  async list(applicationId: string): Promise<ApplicantMessagesView> {
    const to = await this.recipient(this.db.manager, applicationId);
    const values = { cohort: to.cohort, deadline: formatInProgramZone(to.closes_at) };
    const rows = await messagesOf(this.db.manager, applicationId);
    return {
      language: to.language,
      to: to.email,
      templates: APPLICANT_MESSAGE_TEMPLATES.map((code) => ({
        code,
        ...applicantMessageText(code, to.language, values),
      })),
      messages: rows.map(view),
    };
  }

  async preview(actor: AuthenticatedUser, applicationId: string, dto: ApplicantMessageDto): Promise<EmailPreviewView> {
    const to = await this.recipient(this.db.manager, applicationId);
    const rendered = renderEmail(
      'applicant-message',
      to.language,
      await this.emailData(this.db.manager, actor, to, dto),
    );
    return { to: to.email, language: to.language, subject: rendered.subject, text: rendered.text, html: rendered.html };
  }

  /** Logs the message and enqueues its email together; a retry with the same Idempotency-Key sends nothing more. */
  async send(
    actor: AuthenticatedUser,
    applicationId: string,
    dto: ApplicantMessageDto,
    idempotencyKey?: string,
  ): Promise<{ message: ApplicantMessageView; created: boolean }> {
    return this.transactions.run(async (manager) => {
      const to = await this.recipient(manager, applicationId, true);
      if (idempotencyKey) {
        const done = await messageByKey(manager, applicationId, idempotencyKey);
        if (done) return { message: view(done), created: false };
      }
      const email = await this.outbox.enqueueEmail(manager, {
        template: 'applicant-message',
        to: to.email,
        language: to.language,
        data: await this.emailData(manager, actor, to, dto),
      });
      const messageId = await insertMessage(manager, {
        application_id: applicationId,
        template: dto.template,
        language: to.language,
        subject: dto.subject,
        body: dto.body,
        sent_by: actor.id,
        outbox_id: email.id,
        idempotency_key: idempotencyKey ?? null,
      });
      // The audit row names the message and its template; the text stays in the staff-only table.
      await this.audit.record(manager, actor, {
        action: 'application.message_sent',
        entityType: 'application',
        entityId: applicationId,
        after: { messageId, template: dto.template, language: to.language },
      });
      return { message: view((await messageById(manager, messageId))!), created: true };
    });
  }

  private async emailData(
    manager: EntityManager,
    actor: AuthenticatedUser,
    to: Recipient,
    dto: ApplicantMessageDto,
  ): Promise<TemplateData<'applicant-message'>> {
    const sender = await userName(manager, actor.id);
    return {
      fullName: to.full_name,
      subject: dto.subject,
      body: dto.body,
      sender: sender ?? '',
      cohort: to.cohort,
      link: `${this.config.PUBLIC_URL.replace(/\/$/, '')}/apply`,
    };
  }

  private async recipient(manager: EntityManager, applicationId: string, lock = false): Promise<Recipient> {
    const row = await messageRecipient(manager, applicationId, lock);
    if (!row) throw new NotFoundError('Application', applicationId);
    return row;
  }
}
