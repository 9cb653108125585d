import type { INestApplicationContext } from '@nestjs/common';
import { DailyDigest, ReminderPipeline } from '@vgbf/notifications';
import type { TestApp } from '../support/test-app';

/** The three kinds of recipient every family's e2e proves: at once, the daily digest, unsubscribed. */
export interface Recipients {
  immediate: { id: string; email: string };
  digest: { id: string; email: string };
  unsubscribed: { id: string; email: string };
}

/** Sets the digest person's and the unsubscribed person's settings (the immediate one keeps the defaults). */
export async function setPreferences(t: TestApp, people: Recipients): Promise<void> {
  await t.db.query(
    `INSERT INTO notification_preferences (user_id, delivery, optional_emails)
     VALUES ($1, 'digest', true), ($2, 'immediate', false)`,
    [people.digest.id, people.unsubscribed.id],
  );
}

export interface Sent {
  to: string;
  template: string;
  step?: string;
  items?: string;
}

/**
 * Runs one family of the one reminder pipeline at `period` (the scheduled run's instant, as the test
 * Clock) and returns the emails it put in the outbox for these people, sorted by recipient.
 */
export class FamilyRun {
  private readonly seen = new Set<string>();

  constructor(
    private readonly t: TestApp,
    private readonly worker: INestApplicationContext,
    private readonly family: string,
    private readonly people: Recipients,
  ) {}

  async reminders(period: Date): Promise<{ counts: Record<string, number>; emails: Sent[] }> {
    const counts = await this.worker.get(ReminderPipeline).sendFamily(this.family, period);
    return { counts, emails: await this.fresh() };
  }

  /** The daily digest of `period`'s day (18:00 there), and what it sent these people. */
  async digest(period: Date): Promise<Sent[]> {
    await this.worker.get(DailyDigest).send({ name: 'notifications.daily-digest', period });
    return this.fresh();
  }

  /** Outbox emails to these people not seen before. */
  private async fresh(): Promise<Sent[]> {
    const to = [this.people.immediate.email, this.people.digest.email, this.people.unsubscribed.email];
    const rows = await this.t.db.query<Array<Sent & { id: string }>>(
      `SELECT id, payload->>'to' AS to, payload->>'template' AS template, payload->'data'->>'step' AS step,
              payload->'data'->>'items' AS items
         FROM outbox WHERE queue = 'mail' AND payload->>'to' = ANY($1::text[]) ORDER BY payload->>'to', id`,
      [to],
    );
    const fresh = rows.filter((r) => !this.seen.has(r.id));
    for (const r of fresh) this.seen.add(r.id);
    return fresh.map(({ to: address, template, step, items }) => ({
      to: address,
      template,
      ...(step ? { step } : {}),
      ...(items ? { items } : {}),
    }));
  }
}

/** "2031-03-14" at 18:00 in Vietnam: the digest's fire time that day. */
export const digestTime = (day: string): Date => new Date(`${day}T11:00:00Z`);

/** The Vietnam day of an instant. */
export const vietnamDay = (instant: Date): string =>
  new Date(instant.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
