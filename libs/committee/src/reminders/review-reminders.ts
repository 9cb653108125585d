import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppConfig } from '@vgbf/config';
import { formatInProgramZone } from '@vgbf/core';
import type { Language } from '@vgbf/identity';
import { OutboxService } from '@vgbf/outbox';
import { Scheduled, type ScheduledRun } from '@vgbf/scheduler';
import type { DataSource } from 'typeorm';
import type { ReviewReminderKind } from './review-reminder.entity';

/** Which reminder is due with this much time left before the review deadline. */
const WINDOWS: Array<{ kind: ReviewReminderKind; from: string; to: string }> = [
  { kind: 'review_3d', from: '1 day', to: '3 days' },
  { kind: 'review_1d', from: '0 seconds', to: '1 day' },
];

/**
 * Reviewers with unfinished reviews in a cohort that is reviewing are reminded 3 days and 1 day
 * before its review deadline. The reminder row (unique per cohort, reviewer and kind) and its email
 * commit together, so each goes out once however often the job runs.
 */
@Injectable()
export class ReviewReminders {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly outbox: OutboxService,
    private readonly config: AppConfig,
  ) {}

  @Scheduled({ name: 'committee.review-reminders', cron: '0 9 * * *' })
  async send({ period }: ScheduledRun): Promise<Record<ReviewReminderKind, number>> {
    const sent = { review_3d: 0, review_1d: 0 };
    for (const window of WINDOWS) {
      await this.db.transaction(async (manager) => {
        type Due = {
          email: string;
          full_name: string;
          language: Language;
          cohort: string;
          deadline: Date;
          pending: number;
        };
        const due = await manager.query<Due[]>(
          `WITH unfinished AS (
             SELECT a.cohort_id, a.reviewer_id, count(*)::int AS pending, rr.review_deadline
               FROM review_assignments a
               JOIN applications app ON app.id = a.application_id AND app.status = 'under_review'
               JOIN review_rounds rr ON rr.cohort_id = a.cohort_id
               JOIN cohorts c ON c.id = a.cohort_id AND c.status = 'reviewing'
              WHERE NOT EXISTS (SELECT 1 FROM reviews r WHERE r.assignment_id = a.id)
                AND rr.review_deadline > $1::timestamptz + $3::interval
                AND rr.review_deadline <= $1::timestamptz + $4::interval
              GROUP BY a.cohort_id, a.reviewer_id, rr.review_deadline),
           due AS (
             INSERT INTO review_reminders (cohort_id, reviewer_id, kind)
             SELECT cohort_id, reviewer_id, $2 FROM unfinished
             ON CONFLICT (cohort_id, reviewer_id, kind) DO NOTHING
             RETURNING cohort_id, reviewer_id)
           SELECT u.email, u.full_name, u.language, c.name AS cohort, f.review_deadline AS deadline, f.pending
             FROM due
             JOIN unfinished f USING (cohort_id, reviewer_id)
             JOIN users u ON u.id = due.reviewer_id
             JOIN cohorts c ON c.id = due.cohort_id
            ORDER BY u.email`,
          [period, window.kind, window.from, window.to],
        );
        for (const row of due) {
          await this.outbox.enqueueEmail(manager, {
            template: 'review-reminder',
            to: row.email,
            language: row.language,
            data: {
              fullName: row.full_name,
              cohort: row.cohort,
              pending: String(row.pending),
              deadline: formatInProgramZone(new Date(row.deadline)),
              link: `${this.config.PUBLIC_URL}/reviews`,
            },
          });
        }
        sent[window.kind] = due.length;
      });
    }
    return sent;
  }
}
