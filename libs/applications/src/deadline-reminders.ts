import { Injectable } from '@nestjs/common';
import { PROGRAM_TIME_ZONE, formatInProgramZone } from '@vgbf/core';
import { AccountsService } from '@vgbf/identity';
import {
  type ChainStep,
  type Notification,
  type ReminderChain,
  type ReminderFamily,
  type ReminderItem,
  type ReminderRange,
  dueWindow,
} from '@vgbf/notifications';
import type { EntityManager } from 'typeorm';
import { draftsClosingBetween } from './data-access/application-reads';

export const REMINDER_KINDS = ['deadline_7d', 'deadline_1d'] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

/**
 * An unsubmitted draft's reminders: a week before the application deadline (optional help), and the
 * day before (mandatory: the last call before the application can no longer be submitted).
 */
export const DEADLINE_CHAIN = [
  { step: 'deadline_7d', offsetDays: -7, to: 'applicant', template: 'deadline-reminder', mandatory: false },
  { step: 'deadline_1d', offsetDays: -1, to: 'applicant', template: 'deadline-last-call', mandatory: true },
] as const satisfies ReminderChain<ReminderKind, 'applicant'>;

/** The family's name in the reminder log (never change it: it keys the log). */
export const DEADLINE_FAMILY = 'applications';

interface DraftItem extends ReminderItem<'applicant'> {
  cohort: string;
  closes: Date;
}

/**
 * Deadline reminders of unsubmitted drafts, a family of the notifications' reminder pipeline: the
 * chain above and this reader (drafts in open cohorts whose deadline is near). The pipeline logs each
 * step once per application, due date and applicant, and delivers it as the applicant asked.
 */
@Injectable()
export class DeadlineReminders implements ReminderFamily<ReminderKind, 'applicant', DraftItem> {
  readonly name = DEADLINE_FAMILY;
  readonly chain = DEADLINE_CHAIN;
  /** The 1-day step still goes on the deadline's day (a run that missed the day before). */
  readonly catchUpDays = 1;

  constructor(private readonly accounts: AccountsService) {}

  async items(manager: EntityManager, range: ReminderRange): Promise<DraftItem[]> {
    const window = dueWindow(this.chain, this.catchUpDays, range);
    if (!window) return [];
    const rows = await draftsClosingBetween(manager, PROGRAM_TIME_ZONE, window);
    const contacts = await this.accounts.contacts([...new Set(rows.map((r) => r.applicant_id))]);
    return rows.flatMap((r) => {
      const who = contacts.get(r.applicant_id);
      if (!who) return [];
      return [
        {
          subjectId: r.id,
          dueOn: r.due_on,
          audience: 'applicant' as const,
          recipient: {
            userId: who.id,
            email: who.email,
            fullName: r.personal_name ?? who.fullName,
            language: who.language,
          },
          cohort: r.cohort,
          closes: new Date(r.closes),
        },
      ];
    });
  }

  notification(
    item: DraftItem,
    step: ChainStep<ReminderKind, 'applicant'>,
    _day: string,
    at: Date,
  ): Omit<Notification, 'mandatory'> {
    const daysLeft = Math.max(1, Math.ceil((item.closes.getTime() - at.getTime()) / 86_400_000));
    return {
      template: step.template,
      data: { cohort: item.cohort, deadline: formatInProgramZone(item.closes), daysLeft: String(daysLeft) },
    };
  }
}
