import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppConfig } from '@vgbf/config';
import { Clock } from '@vgbf/core';
import { ConsentLedger } from '@vgbf/personal-data';
import type { DataSource, EntityManager } from 'typeorm';
import {
  accountExists,
  consentBasedRecipients,
  preferencesOf,
  savePreferences,
} from './data-access/notification-preferences';
import { DEFAULT_SETTINGS, type NotificationSettings } from './notification-delivery';
import { UnsubscribeTokenError } from './notifications.errors';
import { verifyUnsubscribeToken } from './unsubscribe-token';

type Row = { user_id: string; delivery: NotificationSettings['delivery']; optional_emails: boolean };

/** People's notification settings (notification_preferences); no row means the defaults. */
@Injectable()
export class NotificationSettingsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly consents: ConsentLedger,
  ) {}

  async get(userId: string): Promise<NotificationSettings> {
    return (await this.forUsers(this.db.manager, [userId])).get(userId) ?? { ...DEFAULT_SETTINGS };
  }

  async update(userId: string, settings: NotificationSettings): Promise<NotificationSettings> {
    await this.save(userId, settings);
    return this.get(userId);
  }

  /** The person of a valid unsubscribe token stops getting optional emails; repeating it changes nothing. */
  async unsubscribe(token: string): Promise<void> {
    const userId = await this.checkUnsubscribeToken(token);
    await savePreferences(this.db.manager, userId, { optional_emails: false }, this.clock.now());
  }

  /** The account a valid unsubscribe token was signed for; UnsubscribeTokenError when forged, altered or unknown. */
  async checkUnsubscribeToken(token: string): Promise<string> {
    const userId = verifyUnsubscribeToken(this.config.NOTIFICATION_LINK_SECRET, token);
    if (!userId) throw new UnsubscribeTokenError();
    if (!(await accountExists(this.db.manager, userId))) throw new UnsubscribeTokenError();
    return userId;
  }

  /** Settings of these people (defaults for those without a row), read inside the caller's transaction. */
  async forUsers(manager: EntityManager, userIds: string[]): Promise<Map<string, NotificationSettings>> {
    const rows = userIds.length ? ((await preferencesOf(manager, userIds)) as Row[]) : [];
    const found = new Map(rows.map((r) => [r.user_id, { delivery: r.delivery, optionalEmails: r.optional_emails }]));
    return new Map(userIds.map((id) => [id, found.get(id) ?? { ...DEFAULT_SETTINGS }]));
  }

  /**
   * The settings delivery follows: a person's own choices, and for applicants and fellows no optional
   * email at all without their consent to 'communications' (Law 91/2025); mandatory notices are not
   * affected. Invited reviewers, mentors and staff get optional reminders as part of their role.
   */
  async forDelivery(manager: EntityManager, userIds: string[]): Promise<Map<string, NotificationSettings>> {
    const settings = await this.forUsers(manager, userIds);
    const gated = await consentBasedRecipients(manager, userIds);
    const consenting = await this.consents.holders(gated, 'communications');
    for (const id of gated) if (!consenting.has(id)) settings.set(id, { ...settings.get(id)!, optionalEmails: false });
    return settings;
  }

  private async save(userId: string, s: NotificationSettings): Promise<void> {
    await savePreferences(
      this.db.manager,
      userId,
      { delivery: s.delivery, optional_emails: s.optionalEmails },
      this.clock.now(),
    );
  }
}
