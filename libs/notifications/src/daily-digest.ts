import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Clock, programDay } from '@vgbf/core';
import { renderEmail } from '@vgbf/mail';
import { OutboxService } from '@vgbf/outbox';
import { Scheduled, type ScheduledRun } from '@vgbf/scheduler';
import type { DataSource } from 'typeorm';
import { takePendingDigests } from './data-access/digest-items';
import { NotificationDelivery } from './notification-delivery';

interface Pending {
  user_id: string;
  email: string;
  full_name: string;
  language: 'vi' | 'en';
  messages: Array<{ template: string; data: Record<string, string> }>;
}

/**
 * One email a day to each person who chose the digest, listing what waited for them. Taking the items
 * (sent_at set) and enqueueing the emails happen in one transaction, so an item is in exactly one
 * digest however often, or however many workers, run it.
 */
@Injectable()
export class DailyDigest {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly outbox: OutboxService,
    private readonly delivery: NotificationDelivery,
    private readonly clock: Clock,
  ) {}

  @Scheduled({ name: 'notifications.daily-digest', cron: '0 18 * * *' })
  async send({ period }: ScheduledRun): Promise<{ emails: number; items: number }> {
    return this.db.transaction(async (manager) => {
      const pending = await takePendingDigests<Pending['messages'][number]>(manager, this.clock.now());
      let items = 0;
      for (const person of pending) {
        // Each entry is the subject its email would have had, in the person's language today.
        const lines = person.messages.map(
          (m) => `• ${renderEmail(m.template, person.language, { ...m.data, fullName: person.full_name }).subject}`,
        );
        items += lines.length;
        await this.outbox.enqueueEmail(manager, {
          template: 'notification-digest',
          to: person.email,
          language: person.language,
          data: {
            ...this.delivery.links(person.user_id),
            fullName: person.full_name,
            day: programDay(period),
            count: String(lines.length),
            items: lines.join('\n'),
          },
        });
      }
      return { emails: pending.length, items };
    });
  }
}
