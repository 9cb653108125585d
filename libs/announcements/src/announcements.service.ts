import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '@vgbf/audit';
import { AppConfig } from '@vgbf/config';
import { type AuthenticatedUser, NotFoundError, formatInProgramZone } from '@vgbf/core';
import { type TemplateData, renderEmail } from '@vgbf/mail';
import { OutboxService } from '@vgbf/outbox';
import { Transactions } from '@vgbf/database';
import { ConsentLedger } from '@vgbf/personal-data';
import type { DataSource, EntityManager } from 'typeorm';
import { ANNOUNCEMENT_TEMPLATES, AUDIENCE_WORDS, announcementText } from './announcement-templates';
import { NoRecipientsError } from './announcements.errors';
import {
  type AnnouncementRow,
  type CohortHeader,
  announcementById,
  announcementIdFor,
  announcementsTo,
  cohortHeader,
  latestAnnouncements,
} from './data-access/announcement-reads';
import { insertAnnouncement, insertRecipients } from './data-access/announcement-writes';
import { type AudienceMember, audienceMembers } from './data-access/audiences';
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
    private readonly consents: ConsentLedger,
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
    const members = await this.recipients(this.db.manager, dto);
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
        const done = await announcementIdFor(manager, idempotencyKey);
        if (done) return done;
      }
      const cohort = await this.cohort(manager, dto.cohortId);
      const members = await this.recipients(manager, dto);
      if (members.length === 0) throw new NoRecipientsError(dto.audience);
      const announcementId = await insertAnnouncement(manager, {
        cohort_id: dto.cohortId,
        audience: dto.audience,
        template: dto.template,
        purpose: dto.purpose ?? null,
        subject_vi: dto.subjectVi,
        body_vi: dto.bodyVi,
        subject_en: dto.subjectEn,
        body_en: dto.bodyEn,
        recipient_count: members.length,
        sent_by: actor.id,
        idempotency_key: idempotencyKey ?? null,
      });
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
    const saved = await announcementById(this.db.manager, id);
    return view(saved!);
  }

  /** Sent announcements, newest first (the latest 200), of one cohort or all. */
  async list(cohortId?: string): Promise<AnnouncementView[]> {
    return (await latestAnnouncements(this.db.manager, cohortId)).map(view);
  }

  /** The announcements addressed to this person, newest first (the latest 50). */
  async mine(userId: string): Promise<MyAnnouncementView[]> {
    const rows = await announcementsTo(this.db.manager, userId);
    return rows.map((r) => {
      const { id, cohortName, audience, vi, en, createdAt } = view(r);
      return { id, cohortName, audience, vi, en, createdAt };
    });
  }

  private async enqueue(
    manager: EntityManager,
    announcementId: string,
    dto: AnnouncementDto,
    cohort: CohortHeader,
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
    await insertRecipients(manager, announcementId, {
      userIds: members.map((m) => m.user_id),
      languages: members.map((m) => m.language),
      outboxIds,
    });
  }

  private emailData(
    dto: AnnouncementDto,
    cohort: CohortHeader,
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

  /** The audience, less those without the consent a non-mandatory announcement needs. */
  private async recipients(manager: EntityManager, dto: AnnouncementDto): Promise<AudienceMember[]> {
    const members = await audienceMembers(manager, dto.cohortId, dto.audience);
    if (!dto.purpose) return members;
    const consenting = await this.consents.holders(
      members.map((m) => m.user_id),
      dto.purpose,
    );
    return members.filter((m) => consenting.has(m.user_id));
  }

  private async cohort(manager: EntityManager, id: string): Promise<CohortHeader> {
    const row = await cohortHeader(manager, id);
    if (!row) throw new NotFoundError('Cohort', id);
    return row;
  }
}
