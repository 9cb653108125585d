import { Injectable } from '@nestjs/common';
import { Clock, DomainError, NotFoundError, programDay } from '@vgbf/core';
import { ReminderPipeline, addDays, daysBetween } from '@vgbf/notifications';
import { Transactions } from '@vgbf/database';
import { cohortExists, cohortMilestones, namesOf } from '../data-access/reminders';
import { MILESTONE_FAMILY } from './milestone-chain';
import { MilestoneReminderFamily } from './milestone-reminder-family';
import type { SentReminderView, UpcomingReminderView } from './reminders.dto';

const MAX_SENT_RANGE_DAYS = 366;

/** Staff's view of a cohort's reminders: what the chain will send (dry run) and what it sent. */
@Injectable()
export class RemindersService {
  constructor(
    private readonly pipeline: ReminderPipeline,
    private readonly family: MilestoneReminderFamily,
    private readonly clock: Clock,
    private readonly transactions: Transactions,
  ) {}

  /**
   * What the daily job would send from today through `days` days, if nothing changes: the job's own read
   * and chain function, day by day. Today's steps the job already sent are not listed again.
   */
  async upcoming(cohortId: string, days: number): Promise<UpcomingReminderView[]> {
    await this.cohortExists(cohortId);
    const from = programDay(this.clock.now());
    const range = { from, to: addDays(from, days - 1), scope: cohortId };
    const upcoming = await this.pipeline.upcoming(this.transactions.current(), this.family, range, days);
    const views = new Map<string, UpcomingReminderView>();
    for (const { day, item: target, step, delivery } of upcoming) {
      const key = `${day}/${target.subjectId}/${step.step}`;
      let view = views.get(key);
      if (!view) {
        view = {
          day,
          step: step.step,
          mandatory: step.mandatory,
          milestone: { id: target.subjectId, code: target.code, title: target.title, dueOn: target.dueOn },
          fellow: { id: target.fellowId, fullName: target.fellowName },
          recipients: [],
        };
        views.set(key, view);
      }
      view.recipients.push({
        userId: target.recipient.userId,
        fullName: target.recipient.fullName,
        audience: target.audience,
        delivery,
      });
    }
    return [...views.values()];
  }

  /** Reminders recorded between two days (Vietnam, inclusive), newest first. */
  async sent(cohortId: string, query: { from?: string; to?: string }): Promise<SentReminderView[]> {
    const to = query.to ?? programDay(this.clock.now());
    const from = query.from ?? addDays(to, -30);
    const span = daysBetween(from, to);
    if (span < 0 || span > MAX_SENT_RANGE_DAYS)
      throw new DomainError(
        'reminder_range_invalid',
        'invalid',
        `from must be on or before to, at most ${MAX_SENT_RANGE_DAYS} days apart.`,
        {
          errors: [
            { field: 'from', message: `from must be on or before to, at most ${MAX_SENT_RANGE_DAYS} days apart` },
          ],
        },
      );
    await this.cohortExists(cohortId);
    const logged = await this.pipeline.logged(this.transactions.current(), MILESTONE_FAMILY, from, to);
    if (!logged.length) return [];
    const manager = this.transactions.current();
    const details = await cohortMilestones(manager, cohortId, [...new Set(logged.map((l) => l.subjectId))]);
    const names = await namesOf(manager, [...new Set(logged.map((l) => l.recipientId))]);
    const milestones = new Map(details.map((d) => [d.milestone_id, d]));
    const people = new Map(names.map((n) => [n.id, n.full_name]));
    return logged.flatMap((l) => {
      const m = milestones.get(l.subjectId);
      const recipientName = people.get(l.recipientId);
      if (!m || recipientName === undefined) return [];
      return [
        {
          day: l.day,
          recordedAt: l.createdAt,
          step: l.step as SentReminderView['step'],
          milestone: { id: m.milestone_id, code: m.code, title: m.title, dueOn: l.dueOn },
          fellow: { id: m.fellow_id, fullName: m.fellow_name },
          recipientId: l.recipientId,
          recipientName,
          delivery: l.delivery,
        },
      ];
    });
  }

  private async cohortExists(cohortId: string): Promise<void> {
    if (!(await cohortExists(this.transactions.current(), cohortId))) throw new NotFoundError('Cohort', cohortId);
  }
}
