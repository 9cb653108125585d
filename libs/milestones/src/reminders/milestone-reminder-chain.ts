import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppConfig } from '@vgbf/config';
import { programDay } from '@vgbf/core';
import { NotificationDelivery, NotificationSettingsService, deliveryOutcome } from '@vgbf/notifications';
import { Scheduled, type ScheduledRun } from '@vgbf/scheduler';
import type { DataSource } from 'typeorm';
import { CATCH_UP_DAYS, MILESTONE_CHAIN, REMINDABLE_STATES, type ReminderDelivery } from './milestone-chain';
import { dueSteps } from './reminder-chain';
import { reminderNotification } from './reminder-emails';
import { loadReminderTargets } from './reminder-targets';

/**
 * The milestones' reminder chain, once a day at 08:00 (Vietnam). In one transaction: read who is owed
 * which step today (the same read and chain function as the dry run), claim one milestone_reminders
 * row per (milestone, step, due date, recipient) ON CONFLICT DO NOTHING, and deliver only the rows
 * claimed, each as its recipient asked. A second run of the day claims nothing and sends nothing; a
 * milestone submitted (or its due date moved) since the read is not claimed.
 */
@Injectable()
export class MilestoneReminderChain {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly delivery: NotificationDelivery,
    private readonly settings: NotificationSettingsService,
    private readonly config: AppConfig,
  ) {}

  @Scheduled({ name: 'milestones.reminder-chain', cron: '0 8 * * *' })
  async send({ period }: ScheduledRun): Promise<Record<ReminderDelivery, number>> {
    const day = programDay(period);
    const counts: Record<ReminderDelivery, number> = { sent: 0, digest: 0, skipped: 0 };
    await this.db.transaction(async (manager) => {
      const due = dueSteps(
        MILESTONE_CHAIN,
        await loadReminderTargets(manager, { from: day, to: day }),
        day,
        CATCH_UP_DAYS,
      );
      if (!due.length) return;
      const settings = await this.settings.forUsers(manager, [...new Set(due.map((d) => d.target.userId))]);
      const rows = due.map(({ target, step }) => ({
        milestone_id: target.milestoneId,
        step: step.step,
        due_on: target.dueOn,
        recipient_id: target.userId,
        delivery: deliveryOutcome(settings.get(target.userId)!, step.mandatory),
      }));
      const claimed = await manager.query<Array<{ milestone_id: string; step: string; recipient_id: string }>>(
        `INSERT INTO milestone_reminders (milestone_id, step, due_on, recipient_id, delivery)
         SELECT x.milestone_id, x.step, x.due_on, x.recipient_id, x.delivery
           FROM jsonb_to_recordset($1::jsonb) AS x(milestone_id uuid, step text, due_on date, recipient_id uuid, delivery text)
           JOIN milestones m ON m.id = x.milestone_id AND m.due_on = x.due_on AND m.state = ANY($2::text[])
         ON CONFLICT (milestone_id, step, due_on, recipient_id) DO NOTHING
         RETURNING milestone_id, step, recipient_id`,
        [JSON.stringify(rows), REMINDABLE_STATES],
      );
      const key = (m: string, s: string, r: string) => `${m}/${s}/${r}`;
      const mine = new Set(claimed.map((c) => key(c.milestone_id, c.step, c.recipient_id)));
      for (const { target, step } of due) {
        if (!mine.has(key(target.milestoneId, step.step, target.userId))) continue;
        const outcome = await this.delivery.deliver(
          manager,
          { userId: target.userId, email: target.email, fullName: target.fullName, language: target.language },
          settings.get(target.userId)!,
          reminderNotification(target, step, day, this.config.PUBLIC_URL),
        );
        counts[outcome] += 1;
      }
    });
    return counts;
  }
}
