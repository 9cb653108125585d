import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Clock, programDay, toProgramLocal } from '@vgbf/core';
import { Scheduled, type ScheduledRun } from '@vgbf/scheduler';
import type { DataSource, EntityManager } from 'typeorm';
import {
  type DeliveryOutcome,
  NotificationDelivery,
  type Notification,
  deliveryOutcome,
} from '../notification-delivery';
import { claimReminders, loggedBetween, loggedSteps } from '../data-access/reminder-log';
import { NotificationSettingsService } from '../notification-settings.service';
import { type ChainStep, type ChainTarget, dueSteps, upcomingSteps } from './reminder-chain';
import type { AnyReminderFamily, ReminderFamily, ReminderItem, ReminderRange } from './reminder-family';
import { reminderTemplateProblems } from './reminder-templates';

type Target<I> = ChainTarget & { item: I };

/** A step a dry run expects to send: the day, the item, the step, and how its recipient would get it. */
export interface UpcomingReminder<I, S extends string, A extends string> {
  day: string;
  item: I;
  step: ChainStep<S, A>;
  delivery: DeliveryOutcome;
}

/** One row of the reminder log, for a family's record of what went out. */
export interface LoggedReminder {
  subjectId: string;
  step: string;
  dueOn: string;
  recipientId: string;
  delivery: DeliveryOutcome;
  createdAt: Date;
  /** The day (Vietnam) it was recorded. */
  day: string;
}

const key = (subjectId: string, step: string, dueOn: string, dueTime: string, recipientId: string) =>
  `${subjectId}/${step}/${dueOn}/${dueTime}/${recipientId}`;

/** Daily families are sent by the runs from this hour (Vietnam) on; a later run retries a failed one. */
export const DAILY_FROM_HOUR = 8;

/**
 * The one reminder pipeline. Domain libs register their families (declarative chains and due-items
 * readers); one daily job sends every family. Per family, in one transaction: read who is owed which
 * step today, claim one reminder_log row per (family, subject, step, due date, recipient) ON CONFLICT
 * DO NOTHING, and deliver only the rows claimed, each as its recipient asked (now, tonight's digest, or
 * not at all for an optional one they unsubscribed from; mandatory ones always at once), the email in
 * the outbox in the same transaction as its log row. A second run, concurrent or not, claims nothing.
 */
@Injectable()
export class ReminderPipeline {
  private readonly families = new Map<string, AnyReminderFamily>();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly delivery: NotificationDelivery,
    private readonly settings: NotificationSettingsService,
    private readonly clock: Clock,
  ) {}

  /** A domain lib adds its family (once, at module init). */
  register<S extends string, A extends string, I extends ReminderItem<A>>(family: ReminderFamily<S, A, I>): void {
    const known = this.families.get(family.name);
    if (known && known !== family) throw new Error(`Reminder family "${family.name}" is registered twice`);
    // Optional steps offer unsubscribing, mandatory ones say they cannot be turned off: refused at start.
    const problems = reminderTemplateProblems(family.name, family.chain);
    if (problems.length) throw new Error(problems.join('\n'));
    this.families.set(family.name, family);
  }

  registered(): string[] {
    return [...this.families.keys()].sort();
  }

  /**
   * Every family's steps due on the run's day (Vietnam): hourly families each hour, the others from
   * 08:00 on (a step already logged is never sent again, so the later runs of the day send only what
   * became due since, or what a failed run left).
   */
  @Scheduled({ name: 'notifications.reminders', cron: '15 * * * *' })
  async send({ period }: ScheduledRun): Promise<Record<string, Record<DeliveryOutcome, number>>> {
    const hour = Number(toProgramLocal(period).slice(11, 13));
    const counts: Record<string, Record<DeliveryOutcome, number>> = {};
    for (const name of this.registered())
      if (this.family(name).hourly || hour >= DAILY_FROM_HOUR) counts[name] = await this.sendFamily(name, period);
    return counts;
  }

  /**
   * One family's steps due on the day (Vietnam) of `period`, the scheduled run's instant (the same for
   * every retry of the run). The log records when each went out by the Clock's now.
   */
  async sendFamily(name: string, period: Date): Promise<Record<DeliveryOutcome, number>> {
    const family = this.family(name);
    const day = programDay(period);
    const counts: Record<DeliveryOutcome, number> = { sent: 0, digest: 0, skipped: 0 };
    await this.db.transaction(async (manager) => {
      const targets = await this.targets(manager, family, { from: day, to: day, at: period });
      const due = dueSteps(family.chain, targets, day, family.catchUpDays);
      if (!due.length) return;
      const settings = await this.settings.forDelivery(manager, [
        ...new Set(due.map((d) => d.target.item.recipient.userId)),
      ]);
      const rows = due.map(({ target, step }) => ({
        subject_id: target.item.subjectId,
        step: step.step,
        due_on: target.dueOn,
        due_time: target.item.dueTime ?? '',
        recipient_id: target.item.recipient.userId,
        delivery: deliveryOutcome(settings.get(target.item.recipient.userId)!, step.mandatory),
      }));
      const claimed = await claimReminders(manager, family.name, rows, this.clock.now());
      const mine = new Set(claimed.map((c) => key(c.subject_id, c.step, c.due_on, c.due_time, c.recipient_id)));
      for (const { target, step } of due) {
        const { item } = target;
        if (!mine.has(key(item.subjectId, step.step, target.dueOn, item.dueTime ?? '', item.recipient.userId)))
          continue;
        const outcome = await this.delivery.deliver(
          manager,
          item.recipient,
          settings.get(item.recipient.userId)!,
          this.notification(family, item, step, day, period),
        );
        counts[outcome] += 1;
      }
    });
    return counts;
  }

  /**
   * What the daily job would send from `range.from` through `range.to` if nothing changes: the job's own
   * read and chain function, day by day (a dry run for staff). Steps already logged are not listed.
   */
  async upcoming<S extends string, A extends string, I extends ReminderItem<A>>(
    manager: EntityManager,
    family: ReminderFamily<S, A, I>,
    range: ReminderRange,
    days: number,
  ): Promise<Array<UpcomingReminder<I, S, A>>> {
    // The log holds this family's own steps, so the targets' `done` are of its step type.
    const targets = (await this.targets(manager, family, range)) as Array<ChainTarget<S, A> & { item: I }>;
    const upcoming = upcomingSteps(family.chain, targets, range.from, days, family.catchUpDays);
    const settings = await this.settings.forDelivery(manager, [
      ...new Set(upcoming.map((u) => u.target.item.recipient.userId)),
    ]);
    return upcoming.map(({ day, target, step }) => ({
      day,
      item: target.item,
      step,
      delivery: deliveryOutcome(settings.get(target.item.recipient.userId)!, step.mandatory),
    }));
  }

  /** The family's log rows recorded between two days (Vietnam, inclusive), newest first. */
  async logged(manager: EntityManager, family: string, from: string, to: string): Promise<LoggedReminder[]> {
    return (await loggedBetween(manager, family, from, to)) as LoggedReminder[];
  }

  private family(name: string): AnyReminderFamily {
    const family = this.families.get(name);
    if (!family) throw new Error(`No reminder family "${name}" is registered`);
    return family;
  }

  /** The family's items with the steps already logged for each (subject, due date, recipient). */
  private async targets<I extends ReminderItem>(
    manager: EntityManager,
    family: ReminderFamily<string, string, I>,
    range: ReminderRange,
  ): Promise<Array<Target<I>>> {
    const items = await family.items(manager, range);
    if (!items.length) return [];
    const logged = await loggedSteps(manager, family.name, [...new Set(items.map((i) => i.subjectId))]);
    const done = new Map(logged.map((l) => [`${l.subject_id}/${l.due_on}/${l.due_time}/${l.recipient_id}`, l.steps]));
    return items.map((item) => ({
      item,
      dueOn: item.dueOn,
      audience: item.audience,
      done: done.get(`${item.subjectId}/${item.dueOn}/${item.dueTime ?? ''}/${item.recipient.userId}`) ?? [],
    }));
  }

  private notification<I>(
    family: ReminderFamily<string, string, I & ReminderItem>,
    item: I & ReminderItem,
    step: ChainStep,
    day: string,
    at: Date,
  ): Notification {
    const email = family.notification(item, step, day, at);
    if (email.template !== step.template)
      throw new Error(`Reminder family "${family.name}" step ${step.step} must send ${step.template}`);
    // The step travels with the email's data (not shown), so an email can be traced to its step.
    // Spreading loses the template–data pairing TypeScript checked in the family; it is unchanged here.
    const notification = { ...email, mandatory: step.mandatory } as Notification;
    notification.data.step = step.step;
    return notification;
  }
}
