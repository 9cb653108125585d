import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '@vgbf/audit';
import { AppConfig } from '@vgbf/config';
import { type AuthenticatedUser, Clock, NotFoundError } from '@vgbf/core';
import ical, { ICalEventStatus } from 'ical-generator';
import { createHash, randomBytes } from 'node:crypto';
import { Transactions } from '@vgbf/database';
import { DataSource } from 'typeorm';
import { insertFeed, liveFeed, revokeFeeds } from '../data-access/calendar';
import type { CalendarSource } from './calendar-entry';
import { CalendarWords } from './calendar-words';
import { MentoringCalendarSource } from './mentoring-calendar-source';

const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/**
 * A person's secret calendar feed: the URL holds a random token of which only the SHA-256 hash is
 * stored (shown once, like the identity tokens); rotating or revoking it stops the old URL.
 */
@Injectable()
export class CalendarService {
  /** Where entries come from; programme milestones join this list when they exist. */
  private readonly sources: CalendarSource[];

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
    mentoring: MentoringCalendarSource,
    private readonly transactions: Transactions,
  ) {
    this.sources = [mentoring];
  }

  /** A new secret URL (any earlier one stops working), returned this once. */
  async rotate(actor: AuthenticatedUser): Promise<{ url: string }> {
    const token = randomBytes(32).toString('base64url');
    await this.transactions.run(async (manager) => {
      const revoked = await revokeFeeds(manager, actor.id, this.clock.now());
      const feedId = await insertFeed(manager, actor.id, hashToken(token));
      await this.audit.record(manager, actor, {
        action: revoked.length ? 'calendar_feed.rotated' : 'calendar_feed.created',
        entityType: 'calendar_feed',
        entityId: feedId,
      });
    });
    return { url: `${this.config.PUBLIC_URL.replace(/\/$/, '')}/api/v1/calendar/${token}.ics` };
  }

  async revoke(actor: AuthenticatedUser): Promise<void> {
    await this.transactions.run(async (manager) => {
      const revoked = await revokeFeeds(manager, actor.id, this.clock.now());
      for (const { id } of revoked)
        await this.audit.record(manager, actor, {
          action: 'calendar_feed.revoked',
          entityType: 'calendar_feed',
          entityId: id,
        });
    });
  }

  /** The feed of the token's owner as iCalendar text; an unknown or revoked token is "not found". */
  async feed(token: string): Promise<string> {
    if (!TOKEN.test(token)) throw new NotFoundError('Calendar');
    const feed = await liveFeed(this.db.manager, hashToken(token));
    if (!feed) throw new NotFoundError('Calendar');
    // A calendar app fetches without a session: the feed speaks its owner's language, read each time.
    const words = new CalendarWords(feed.language === 'en' ? 'en' : 'vi');
    const calendar = ical({
      name: words.calendarName,
      prodId: { company: 'VGBF', product: 'Cohort', language: words.language.toUpperCase() },
    });
    for (const source of this.sources) {
      for (const entry of await source.entriesFor(this.db.manager, feed.user_id, words)) {
        calendar.createEvent({
          id: entry.uid,
          start: entry.start,
          end: entry.end,
          allDay: entry.allDay,
          summary: entry.summary,
          description: entry.description,
          stamp: entry.start,
          ...(entry.cancelled ? { status: ICalEventStatus.CANCELLED } : {}),
        });
      }
    }
    return calendar.toString();
  }
}
