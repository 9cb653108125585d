import { Injectable } from '@nestjs/common';
import { AppConfig } from '@vgbf/config';
import { formatInProgramZone } from '@vgbf/core';
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
import { unfinishedReviews } from '../data-access/review-reminders';

export const REVIEW_REMINDER_KINDS = ['review_3d', 'review_1d'] as const;
export type ReviewReminderKind = (typeof REVIEW_REMINDER_KINDS)[number];

/**
 * A reviewer's reminders while reviews of a cohort are unfinished: 3 days before the review deadline
 * (optional), and the day before (mandatory: the committee needs every review by the deadline).
 */
export const REVIEW_CHAIN = [
  { step: 'review_3d', offsetDays: -3, to: 'reviewer', template: 'review-reminder', mandatory: false },
  { step: 'review_1d', offsetDays: -1, to: 'reviewer', template: 'review-last-call', mandatory: true },
] as const satisfies ReminderChain<ReviewReminderKind, 'reviewer'>;

/** The family's name in the reminder log (never change it: it keys the log). */
export const REVIEW_FAMILY = 'reviews';

interface ReviewerItem extends ReminderItem<'reviewer'> {
  cohort: string;
  deadline: Date;
  pending: number;
}

/**
 * Reminders to reviewers with unfinished reviews in a cohort that is reviewing, a family of the
 * notifications' reminder pipeline (the subject is the cohort, the recipient the reviewer).
 */
@Injectable()
export class ReviewReminders implements ReminderFamily<ReviewReminderKind, 'reviewer', ReviewerItem> {
  readonly name = REVIEW_FAMILY;
  readonly chain = REVIEW_CHAIN;
  /** The 1-day step still goes on the deadline's day (a run that missed the day before). */
  readonly catchUpDays = 1;

  constructor(private readonly config: AppConfig) {}

  async items(manager: EntityManager, range: ReminderRange): Promise<ReviewerItem[]> {
    const window = dueWindow(this.chain, this.catchUpDays, range);
    if (!window) return [];
    const rows = await unfinishedReviews(manager, window);
    return rows.map((r) => ({
      subjectId: r.cohort_id,
      dueOn: r.due_on,
      audience: 'reviewer' as const,
      recipient: { userId: r.reviewer_id, email: r.email, fullName: r.full_name, language: r.language },
      cohort: r.cohort,
      deadline: new Date(r.deadline),
      pending: r.pending,
    }));
  }

  notification(item: ReviewerItem, step: ChainStep<ReviewReminderKind, 'reviewer'>): Omit<Notification, 'mandatory'> {
    return {
      template: step.template,
      data: {
        cohort: item.cohort,
        pending: String(item.pending),
        deadline: formatInProgramZone(item.deadline),
        link: `${this.config.PUBLIC_URL}/reviews`,
      },
    };
  }
}
