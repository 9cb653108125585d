import { Injectable } from '@nestjs/common';
import { AuditService } from '@vgbf/audit';
import { type AuthenticatedUser, Clock, NotFoundError } from '@vgbf/core';
import { Transactions } from '@vgbf/database';
import { type ConsentEvidence, PURPOSES, type Purpose } from '@vgbf/personal-data';
import type { EntityManager } from 'typeorm';
import {
  type ConsentEventRow,
  accountExists,
  consentCounts,
  consentHistory,
  insertConsentEvents,
  insertFirstConsents,
  latestEvents,
} from './data-access/consent-events';
import {
  type NoticeRow,
  currentNotices,
  insertNotice,
  lockLatestVersion,
  noticeVersions,
  noticeVersionsInForce,
} from './data-access/notices';
import type {
  ConsentChangeDto,
  ConsentEventView,
  ConsentView,
  NoticeView,
  OnBehalfConsentChangeDto,
  PersonConsentsView,
  PublishNoticeDto,
  PurposeNoticesView,
} from './dto/consent.dto';

/** The one purpose without which no application can be made; the others are optional. */
export const REQUIRED_TO_APPLY: readonly Purpose[] = ['application'];

const noticeView = (n: NoticeRow): NoticeView => ({
  purpose: n.purpose,
  version: n.version,
  titleVi: n.title_vi,
  titleEn: n.title_en,
  bodyVi: n.body_vi,
  bodyEn: n.body_en,
  material: n.material,
  changeNote: n.change_note,
  publishedAt: n.published_at.toISOString(),
  publisherName: n.publisher_name,
  requiredToApply: REQUIRED_TO_APPLY.includes(n.purpose),
});

const eventView = (e: ConsentEventRow): ConsentEventView => ({
  id: String(e.id),
  purpose: e.purpose,
  action: e.action,
  noticeVersion: e.notice_version,
  channel: e.channel,
  userAgent: e.user_agent,
  recordedBy: e.recorded_by,
  recorderName: e.recorder_name,
  recordedAt: e.recorded_at.toISOString(),
});

/**
 * Privacy notices (one versioned notice per purpose, both languages) and people's consents: each given
 * or withdrawn consent is an appended event with the notice version, time (the Clock), channel and
 * device, so what a person agreed to is provable; the state now is the latest event per purpose, and a
 * consent stands when it was given under a version at least the purpose's latest material one.
 */
@Injectable()
export class ConsentsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  /** Each purpose's current notice (what the registration form and the account page show). */
  async currentNotices(): Promise<NoticeView[]> {
    const rows = await currentNotices(this.transactions.current());
    return PURPOSES.flatMap((p) => rows.filter((r) => r.purpose === p)).map(noticeView);
  }

  /** Every version of every notice, with how many people's consent stands per purpose (staff). */
  async noticeHistory(): Promise<PurposeNoticesView[]> {
    const manager = this.transactions.current();
    const [versions, counts] = await Promise.all([noticeVersions(manager), consentCounts(manager)]);
    return PURPOSES.map((purpose) => {
      const c = counts.find((x) => x.purpose === purpose);
      return {
        purpose,
        versions: versions.filter((v) => v.purpose === purpose).map(noticeView),
        standing: c?.standing ?? 0,
        lapsed: c?.lapsed ?? 0,
        withdrawn: c?.withdrawn ?? 0,
      };
    });
  }

  /** Publishes the next version of a purpose's notice (audited); a material one asks everyone to consent again. */
  async publish(actor: AuthenticatedUser, dto: PublishNoticeDto): Promise<NoticeView> {
    return this.transactions.run(
      async (manager) => {
        const version = (await lockLatestVersion(manager, dto.purpose)) + 1;
        await insertNotice(manager, {
          purpose: dto.purpose,
          version,
          title_vi: dto.titleVi,
          title_en: dto.titleEn,
          body_vi: dto.bodyVi,
          body_en: dto.bodyEn,
          material: dto.material,
          change_note: dto.changeNote || null,
          published_by: actor.id,
          published_at: this.clock.now(),
        });
        await this.audit.record(manager, actor, {
          action: 'privacy_notice.published',
          entityType: 'privacy_notice',
          entityId: `${dto.purpose}/${version}`,
          after: { purpose: dto.purpose, version, material: dto.material, changeNote: dto.changeNote ?? null },
        });
        const [saved] = await noticeVersions(manager, dto.purpose);
        return noticeView(saved);
      },
      { label: 'privacy.publish-notice' },
    );
  }

  /** The person's consent to each purpose now. */
  async consentsOf(userId: string, manager: EntityManager = this.transactions.current()): Promise<ConsentView[]> {
    const [latest, versions] = await Promise.all([latestEvents(manager, userId), noticeVersionsInForce(manager)]);
    return PURPOSES.map((purpose) => {
      const event = latest.find((e) => e.purpose === purpose);
      const inForce = versions.get(purpose) ?? { current: 1, required: 1 };
      const state = !event
        ? 'none'
        : event.action === 'withdrawn'
          ? 'withdrawn'
          : event.notice_version >= inForce.required
            ? 'given'
            : 'lapsed';
      return {
        purpose,
        state,
        stands: state === 'given',
        noticeVersion: event?.notice_version ?? null,
        currentVersion: inForce.current,
        at: event?.recorded_at.toISOString() ?? null,
        channel: event?.channel ?? null,
        requiredToApply: REQUIRED_TO_APPLY.includes(purpose),
      };
    });
  }

  /** A person's consents and every event behind them (staff, or the person). */
  async person(userId: string): Promise<PersonConsentsView> {
    const manager = this.transactions.current();
    if (!(await accountExists(manager, userId))) throw new NotFoundError('User', userId);
    const [consents, history] = await Promise.all([this.consentsOf(userId, manager), consentHistory(manager, userId)]);
    return { userId, consents, history: history.map(eventView) };
  }

  /** The person gives or withdraws one of their own consents (account page). */
  async changeOwn(
    actor: AuthenticatedUser,
    dto: ConsentChangeDto,
    userAgent: string | null,
  ): Promise<PersonConsentsView> {
    await this.transactions.run(
      (manager) => this.change(manager, actor.id, dto, { channel: 'account', userAgent, recordedBy: actor.id }),
      { label: 'privacy.consent' },
    );
    return this.person(actor.id);
  }

  /** Staff record a consent given or withdrawn by the person through another channel; audited with the reason. */
  async changeOnBehalf(
    actor: AuthenticatedUser,
    userId: string,
    dto: OnBehalfConsentChangeDto,
    userAgent: string | null,
  ): Promise<PersonConsentsView> {
    await this.transactions.run(
      async (manager) => {
        if (!(await accountExists(manager, userId))) throw new NotFoundError('User', userId);
        const changed = await this.change(manager, userId, dto, { channel: 'staff', userAgent, recordedBy: actor.id });
        if (changed)
          await this.audit.record(manager, actor, {
            action: dto.action === 'give' ? 'consent.given_on_behalf' : 'consent.withdrawn_on_behalf',
            entityType: 'user',
            entityId: userId,
            after: { purpose: dto.purpose, noticeVersion: changed.noticeVersion, reason: dto.reason },
          });
      },
      { label: 'privacy.consent-on-behalf' },
    );
    return this.person(userId);
  }

  /**
   * Consents given at once under each purpose's current notice (registration, demo seeder), in the
   * caller's transaction. Purposes whose consent already stands under the current version are skipped.
   */
  async give(userId: string, purposes: readonly Purpose[], evidence: ConsentEvidence): Promise<void> {
    await this.transactions.run(
      async (manager) => {
        for (const purpose of new Set(purposes))
          await this.change(manager, userId, { purpose, action: 'give' }, evidence);
      },
      { label: 'privacy.consents-given' },
    );
  }

  /**
   * Consents many new accounts gave at once (the demo seeder, bulk factories), each purpose under its
   * current notice, in one statement; people with any event for a purpose keep theirs. Returns the rows written.
   */
  async giveToMany(
    userIds: readonly string[],
    purposes: readonly Purpose[],
    evidence: ConsentEvidence,
  ): Promise<number> {
    return this.transactions.run(
      (manager) =>
        insertFirstConsents(
          manager,
          userIds,
          purposes,
          { channel: evidence.channel, userAgent: evidence.userAgent, recordedBy: evidence.recordedBy ?? null },
          this.clock.now(),
        ),
      { label: 'privacy.consents-given-in-bulk' },
    );
  }

  /**
   * Appends the event unless it changes nothing: giving a consent that stands under the current notice,
   * or withdrawing one that is not given. Returns the event written, or null.
   */
  private async change(
    manager: EntityManager,
    userId: string,
    dto: ConsentChangeDto,
    evidence: ConsentEvidence,
  ): Promise<{ noticeVersion: number } | null> {
    // One person's consent events are appended one at a time (the latest event decides the state).
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('consent:' || $1))`, [userId]);
    const now = (await this.consentsOf(userId, manager)).find((c) => c.purpose === dto.purpose)!;
    if (dto.action === 'give' && now.state === 'given' && now.noticeVersion === now.currentVersion) return null;
    if (dto.action === 'withdraw' && now.state !== 'given' && now.state !== 'lapsed') return null;
    const noticeVersion = dto.action === 'give' ? now.currentVersion : now.noticeVersion!;
    await insertConsentEvents(manager, [
      {
        user_id: userId,
        purpose: dto.purpose,
        action: dto.action === 'give' ? 'given' : 'withdrawn',
        notice_version: noticeVersion,
        channel: evidence.channel,
        user_agent: evidence.userAgent?.slice(0, 1000) ?? null,
        recorded_by: evidence.recordedBy ?? userId,
        recorded_at: this.clock.now(),
      },
    ]);
    return { noticeVersion };
  }
}
