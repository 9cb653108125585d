import type { INestApplicationContext } from '@nestjs/common';
import { MILESTONE_FAMILY } from '@vgbf/milestones';
import { DailyDigest, ReminderPipeline } from '@vgbf/notifications';
import type { TestApp } from '../support/test-app';

/** 08:00 in Vietnam on a calendar day: the instant the daily chain job fires for it. */
export const at8 = (day: string): Date => new Date(`${day}T01:00:00Z`);
/** 18:00 in Vietnam: the daily digest's fire time. */
export const at18 = (day: string): Date => new Date(`${day}T11:00:00Z`);

export const addDays = (day: string, n: number): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** Today in Vietnam. */
export const vietnamToday = (): string => new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);

/** The milestones' family of the one reminder pipeline, at 08:00 (Vietnam) of `day`. */
export const runChain = (worker: INestApplicationContext, day: string) =>
  worker.get(ReminderPipeline).sendFamily(MILESTONE_FAMILY, at8(day));

export const runDigest = (worker: INestApplicationContext, day: string) =>
  worker.get(DailyDigest).send({ name: 'notifications.daily-digest', period: at18(day) });

export interface OutboxEmail {
  id: string;
  to: string;
  template: string;
  data: Record<string, string>;
}

/** The outbox emails not in `seen` (which they are then added to): what a run just wrote. */
export async function newEmails(t: TestApp, seen: Set<string>): Promise<OutboxEmail[]> {
  const rows = await t.db.query<OutboxEmail[]>(
    `SELECT id, payload->>'to' AS to, payload->>'template' AS template, payload->'data' AS data FROM outbox
      ORDER BY created_at, payload->>'to'`,
  );
  const fresh = rows.filter((r) => !seen.has(r.id));
  for (const r of fresh) seen.add(r.id);
  return fresh;
}

/** The chain step a reminder email stands for (kept in its data). */
export const stepOf = (email: OutboxEmail): string => email.data.step ?? email.template;
