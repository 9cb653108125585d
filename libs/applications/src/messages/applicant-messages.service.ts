import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '@vgbf/audit';
import { AppConfig } from '@vgbf/config';
import { type AuthenticatedUser, NotFoundError, formatInProgramZone } from '@vgbf/core';
import { type TemplateData, renderEmail } from '@vgbf/mail';
import { OutboxService } from '@vgbf/outbox';
import { Transactions } from '@vgbf/database';
import type { DataSource, EntityManager } from 'typeorm';
import { APPLICANT_MESSAGE_TEMPLATES, applicantMessageText } from './applicant-message-templates';
import type {
  ApplicantMessageDto,
  ApplicantMessageView,
  ApplicantMessagesView,
  EmailPreviewView,
} from './applicant-messages.dto';

interface Recipient {
  full_name: string;
  email: string;
  language: 'vi' | 'en';
  cohort: string;
  closes_at: Date;
}

interface MessageRow {
  id: string;
  template: string;
  language: string;
  subject: string;
  body: string;
  sender_name: string;
  created_at: Date;
  delivery: string;
}

const MESSAGE_COLUMNS = `m.id, m.template, m.language, m.subject, m.body, u.full_name AS sender_name, m.created_at,
       coalesce(o.status, 'done') AS delivery
  FROM application_messages m JOIN user_contacts_v u ON u.id = m.sent_by LEFT JOIN outbox_deliveries_v o ON o.id = m.outbox_id`;

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
    const rows = await this.db.query<MessageRow[]>(
      `SELECT ${MESSAGE_COLUMNS} WHERE m.application_id = $1 ORDER BY m.created_at DESC, m.id`,
      [applicationId],
    );
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
        const [done] = await manager.query<MessageRow[]>(
          `SELECT ${MESSAGE_COLUMNS} WHERE m.application_id = $1 AND m.idempotency_key = $2`,
          [applicationId, idempotencyKey],
        );
        if (done) return { message: view(done), created: false };
      }
      const email = await this.outbox.enqueueEmail(manager, {
        template: 'applicant-message',
        to: to.email,
        language: to.language,
        data: await this.emailData(manager, actor, to, dto),
      });
      const [row] = await manager.query<Array<{ id: string }>>(
        `INSERT INTO application_messages (application_id, template, language, subject, body, sent_by, outbox_id, idempotency_key)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
        [applicationId, dto.template, to.language, dto.subject, dto.body, actor.id, email.id, idempotencyKey ?? null],
      );
      // The audit row names the message and its template; the text stays in the staff-only table.
      await this.audit.record(manager, actor, {
        action: 'application.message_sent',
        entityType: 'application',
        entityId: applicationId,
        after: { messageId: row.id, template: dto.template, language: to.language },
      });
      const [saved] = await manager.query<MessageRow[]>(`SELECT ${MESSAGE_COLUMNS} WHERE m.id = $1`, [row.id]);
      return { message: view(saved), created: true };
    });
  }

  private async emailData(
    manager: EntityManager,
    actor: AuthenticatedUser,
    to: Recipient,
    dto: ApplicantMessageDto,
  ): Promise<TemplateData<'applicant-message'>> {
    const [sender] = await manager.query<Array<{ full_name: string }>>(
      `SELECT full_name FROM user_contacts_v WHERE id = $1`,
      [actor.id],
    );
    return {
      fullName: to.full_name,
      subject: dto.subject,
      body: dto.body,
      sender: sender?.full_name ?? '',
      cohort: to.cohort,
      link: `${this.config.PUBLIC_URL.replace(/\/$/, '')}/apply`,
    };
  }

  private async recipient(manager: EntityManager, applicationId: string, lock = false): Promise<Recipient> {
    const [row] = await manager.query<Recipient[]>(
      `SELECT u.full_name, u.email, u.language, c.name AS cohort, c.application_closes_at AS closes_at
         FROM applications a JOIN user_contacts_v u ON u.id = a.applicant_id JOIN cohort_headers_v c ON c.id = a.cohort_id
        WHERE a.id = $1 ${lock ? 'FOR UPDATE OF a' : ''}`,
      [applicationId],
    );
    if (!row) throw new NotFoundError('Application', applicationId);
    return row;
  }
}
