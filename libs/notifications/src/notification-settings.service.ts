import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppConfig } from '@vgbf/config';
import { Clock } from '@vgbf/core';
import type { DataSource, EntityManager } from 'typeorm';
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
    await this.db.query(
      `INSERT INTO notification_preferences (user_id, optional_emails) VALUES ($1, false)
       ON CONFLICT (user_id) DO UPDATE SET optional_emails = false, updated_at = $2`,
      [userId, this.clock.now()],
    );
  }

  /** The account a valid unsubscribe token was signed for; UnsubscribeTokenError when forged, altered or unknown. */
  async checkUnsubscribeToken(token: string): Promise<string> {
    const userId = verifyUnsubscribeToken(this.config.NOTIFICATION_LINK_SECRET, token);
    if (!userId) throw new UnsubscribeTokenError();
    const [user] = await this.db.query<Array<{ id: string }>>(`SELECT id FROM user_contacts_v WHERE id = $1`, [userId]);
    if (!user) throw new UnsubscribeTokenError();
    return userId;
  }

  /** Settings of these people (defaults for those without a row), read inside the caller's transaction. */
  async forUsers(manager: EntityManager, userIds: string[]): Promise<Map<string, NotificationSettings>> {
    const rows = userIds.length
      ? await manager.query<Row[]>(
          `SELECT user_id, delivery, optional_emails FROM notification_preferences WHERE user_id = ANY($1::uuid[])`,
          [userIds],
        )
      : [];
    const found = new Map(rows.map((r) => [r.user_id, { delivery: r.delivery, optionalEmails: r.optional_emails }]));
    return new Map(userIds.map((id) => [id, found.get(id) ?? { ...DEFAULT_SETTINGS }]));
  }

  private async save(userId: string, s: NotificationSettings): Promise<void> {
    await this.db.query(
      `INSERT INTO notification_preferences (user_id, delivery, optional_emails) VALUES ($1, $2, $3)
       ON CONFLICT (user_id) DO UPDATE SET delivery = $2, optional_emails = $3, updated_at = $4`,
      [userId, s.delivery, s.optionalEmails, this.clock.now()],
    );
  }
}
