import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '@vgbf/audit';
import { AppConfig } from '@vgbf/config';
import { type AuthenticatedUser, NotFoundError, formatInProgramZone } from '@vgbf/core';
import { type TemplateData, renderEmail } from '@vgbf/mail';
import { OutboxService } from '@vgbf/outbox';
import { Transactions } from '@vgbf/database';
import type { DataSource, EntityManager } from 'typeorm';
import { ANNOUNCEMENT_TEMPLATES, AUDIENCE_WORDS, announcementText } from './announcement-templates';
import { NoRecipientsError } from './announcements.errors';
import { type AudienceMember, audienceMembers } from './audiences';
import type {
  AnnouncementDto,
  AnnouncementPreviewView,
  AnnouncementTemplateView,
  AnnouncementView,
  MyAnnouncementView,
} from './dto/announcement.dto';

type Language = 'vi' | 'en';
const LANGUAGES: Language[] = ['vi', 'en'];
const PLACEHOLDER_NAME: Record<Language, string> = { vi: 'Tên người nhận', en: 'Recipient name' };

interface CohortRow {
  id: string;
  name: string;
  application_closes_at: Date;
}

interface AnnouncementRow {
  id: string;
  cohort_id: string;
  cohort_name: string;
  audience: string;
  template: string;
  subject_vi: string;
  body_vi: string;
  subject_en: string;
  body_en: string;
  recipient_count: number;
  sender_name: string;
  created_at: Date;
}

const SELECT = `SELECT a.id, a.cohort_id, c.name AS cohort_name, a.audience, a.template, a.subject_vi, a.body_vi,
       a.subject_en, a.body_en, a.recipient_count, u.full_name AS sender_name, a.created_at
  FROM announcements a JOIN cohorts c ON c.id = a.cohort_id JOIN users u ON u.id = a.sent_by`;

const view = (r: AnnouncementRow): AnnouncementView => ({
  id: r.id,
  cohortId: r.cohort_id,
  cohortName: r.cohort_name,
  audience: r.audience,
  template: r.template,
  vi: { subject: r.subject_vi, body: r.body_vi },
  en: { subject: r.subject_en, body: r.body_en },
  recipientCount: r.recipient_count,
  senderName: r.sender_name,
  createdAt: r.created_at.toISOString(),
});

/**
 * Staff write to a cohort's applicants, fellows or mentors. An announcement is a programme notice:
 * every recipient gets one email in their language, whatever their reminder settings (it is never
 * optional, never held for the digest), and sees it on their home page. The announcement, its
 * recipients and their emails commit in one transaction, audited; a retried request with the same
 * Idempotency-Key sends nothing more, and the mail worker sends each outbox row once.
 */
@Injectable()
export class AnnouncementsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    private readonly transactions: Transactions,
  ) {}

  async templates(cohortId: string): Promise<AnnouncementTemplateView[]> {
    const cohort = await this.cohort(this.db.manager, cohortId);
    const values = { cohort: cohort.name, deadline: formatInProgramZone(cohort.application_closes_at) };
    return ANNOUNCEMENT_TEMPLATES.map((code) => ({
      code,
      vi: announcementText(code, 'vi', values),
      en: announcementText(code, 'en', values),
    }));
  }

  /** The email in each language, addressed to the first recipient who reads it, and how many will get it. */
  async preview(dto: AnnouncementDto): Promise<AnnouncementPreviewView> {
    const cohort = await this.cohort(this.db.manager, dto.cohortId);
    const members = await audienceMembers(this.db.manager, dto.cohortId, dto.audience);
    return {
      recipientCount: members.length,
      languages: LANGUAGES.map((language) => {
        const of = members.filter((m) => m.language === language);
        const sampleName = of[0]?.full_name ?? PLACEHOLDER_NAME[language];
        const rendered = renderEmail('announcement', language, this.emailData(dto, cohort, language, sampleName));
        return {
          language,
          recipientCount: of.length,
          sampleName,
          subject: rendered.subject,
          text: rendered.text,
          html: rendered.html,
        };
      }),
    };
  }

  async send(actor: AuthenticatedUser, dto: AnnouncementDto, idempotencyKey?: string): Promise<AnnouncementView> {
    const id = await this.transactions.run(async (manager) => {
      if (idempotencyKey) {
        // Serialises retries of one key: the second waits for the first and then finds its row.
        await manager.query(`SELECT pg_advisory_xact_lock(hashtext('announcement:' || $1))`, [idempotencyKey]);
        const [done] = await manager.query<Array<{ id: string }>>(
          `SELECT id FROM announcements WHERE idempotency_key = $1`,
          [idempotencyKey],
        );
        if (done) return done.id;
      }
      const cohort = await this.cohort(manager, dto.cohortId);
      const members = await audienceMembers(manager, dto.cohortId, dto.audience);
      if (members.length === 0) throw new NoRecipientsError(dto.audience);
      const [row] = await manager.query<Array<{ id: string }>>(
        `INSERT INTO announcements (cohort_id, audience, template, subject_vi, body_vi, subject_en, body_en,
                                    recipient_count, sent_by, idempotency_key)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
        [
          dto.cohortId,
          dto.audience,
          dto.template,
          dto.subjectVi,
          dto.bodyVi,
          dto.subjectEn,
          dto.bodyEn,
          members.length,
          actor.id,
          idempotencyKey ?? null,
        ],
      );
      const announcementId = row.id;
      await this.enqueue(manager, announcementId, dto, cohort, members);
      await this.audit.record(manager, actor, {
        action: 'announcement.sent',
        entityType: 'announcement',
        entityId: announcementId,
        after: {
          cohortId: dto.cohortId,
          audience: dto.audience,
          template: dto.template,
          recipientCount: members.length,
        },
      });
      return announcementId;
    });
    const [saved] = await this.db.query<AnnouncementRow[]>(`${SELECT} WHERE a.id = $1`, [id]);
    return view(saved);
  }

  /** Sent announcements, newest first (the latest 200), of one cohort or all. */
  async list(cohortId?: string): Promise<AnnouncementView[]> {
    const rows = await this.db.query<AnnouncementRow[]>(
      `${SELECT} WHERE ($1::uuid IS NULL OR a.cohort_id = $1) ORDER BY a.created_at DESC, a.id LIMIT 200`,
      [cohortId ?? null],
    );
    return rows.map(view);
  }

  /** The announcements addressed to this person, newest first (the latest 50). */
  async mine(userId: string): Promise<MyAnnouncementView[]> {
    const rows = await this.db.query<AnnouncementRow[]>(
      `${SELECT} JOIN announcement_recipients r ON r.announcement_id = a.id
        WHERE r.user_id = $1 ORDER BY a.created_at DESC, a.id LIMIT 50`,
      [userId],
    );
    return rows.map((r) => {
      const { id, cohortName, audience, vi, en, createdAt } = view(r);
      return { id, cohortName, audience, vi, en, createdAt };
    });
  }

  private async enqueue(
    manager: EntityManager,
    announcementId: string,
    dto: AnnouncementDto,
    cohort: CohortRow,
    members: AudienceMember[],
  ): Promise<void> {
    const outboxIds: string[] = [];
    for (const m of members) {
      const email = await this.outbox.enqueueEmail(manager, {
        template: 'announcement',
        to: m.email,
        language: m.language,
        data: this.emailData(dto, cohort, m.language, m.full_name),
      });
      outboxIds.push(email.id);
    }
    await manager.query(
      `INSERT INTO announcement_recipients (announcement_id, user_id, language, outbox_id)
       SELECT $1, u, l, o FROM unnest($2::uuid[], $3::text[], $4::uuid[]) AS t(u, l, o)`,
      [announcementId, members.map((m) => m.user_id), members.map((m) => m.language), outboxIds],
    );
  }

  private emailData(
    dto: AnnouncementDto,
    cohort: CohortRow,
    language: Language,
    fullName: string,
  ): TemplateData<'announcement'> {
    return {
      fullName,
      subject: language === 'vi' ? dto.subjectVi : dto.subjectEn,
      body: language === 'vi' ? dto.bodyVi : dto.bodyEn,
      audience: AUDIENCE_WORDS[dto.audience][language],
      cohort: cohort.name,
      link: `${this.config.PUBLIC_URL.replace(/\/$/, '')}/`,
    };
  }

  private async cohort(manager: EntityManager, id: string): Promise<CohortRow> {
    const [row] = await manager.query<CohortRow[]>(
      `SELECT id, name, application_closes_at FROM cohorts WHERE id = $1`,
      [id],
    );
    if (!row) throw new NotFoundError('Cohort', id);
    return row;
  }
}
