import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Clock, DomainError, NotFoundError, programDay } from '@vgbf/core';
import { NotificationSettingsService, deliveryOutcome } from '@vgbf/notifications';
import type { DataSource } from 'typeorm';
import { CATCH_UP_DAYS, MILESTONE_CHAIN } from './milestone-chain';
import { addDays, daysBetween, upcomingSteps } from './reminder-chain';
import { loadReminderTargets } from './reminder-targets';
import type { SentReminderView, UpcomingReminderView } from './reminders.dto';

const MAX_SENT_RANGE_DAYS = 366;

/** Staff's view of a cohort's reminders: what the chain will send (dry run) and what it sent. */
@Injectable()
export class RemindersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly settings: NotificationSettingsService,
    private readonly clock: Clock,
  ) {}

  /**
   * What the daily job would send from today through `days` days, if nothing changes: the job's own read
   * and chain function, day by day. Today's steps the job already sent are not listed again.
   */
  async upcoming(cohortId: string, days: number): Promise<UpcomingReminderView[]> {
    await this.cohortExists(cohortId);
    const from = programDay(this.clock.now());
    const targets = await loadReminderTargets(this.db.manager, { from, to: addDays(from, days - 1), cohortId });
    const upcoming = upcomingSteps(MILESTONE_CHAIN, targets, from, days, CATCH_UP_DAYS);
    const settings = await this.settings.forUsers(this.db.manager, [...new Set(upcoming.map((u) => u.target.userId))]);
    const views = new Map<string, UpcomingReminderView>();
    for (const { day, target, step } of upcoming) {
      const key = `${day}/${target.milestoneId}/${step.step}`;
      let view = views.get(key);
      if (!view) {
        view = {
          day,
          step: step.step,
          mandatory: step.mandatory,
          milestone: { id: target.milestoneId, code: target.code, title: target.title, dueOn: target.dueOn },
          fellow: { id: target.fellowId, fullName: target.fellowName },
          recipients: [],
        };
        views.set(key, view);
      }
      view.recipients.push({
        userId: target.userId,
        fullName: target.fullName,
        audience: target.audience,
        delivery: deliveryOutcome(settings.get(target.userId)!, step.mandatory),
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
    const rows = await this.db.query<
      Array<{
        created_at: Date;
        day: string;
        step: SentReminderView['step'];
        due_on: string;
        milestone_id: string;
        code: string;
        title: { vi: string; en: string };
        fellow_id: string;
        fellow_name: string;
        recipient_id: string;
        recipient_name: string;
        delivery: SentReminderView['delivery'];
      }>
    >(
      `SELECT mr.created_at, to_char(mr.created_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD') AS day, mr.step,
              to_char(mr.due_on, 'YYYY-MM-DD') AS due_on, m.id AS milestone_id, m.code, m.title, f.id AS fellow_id,
              f.full_name AS fellow_name, mr.recipient_id, u.full_name AS recipient_name, mr.delivery
         FROM milestone_reminders mr
         JOIN milestones m ON m.id = mr.milestone_id
         JOIN fellows f ON f.id = m.fellow_id AND f.cohort_id = $1
         JOIN users u ON u.id = mr.recipient_id
        WHERE mr.created_at >= ($2::date)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh'
          AND mr.created_at < ($3::date + 1)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh'
        ORDER BY mr.created_at DESC, mr.id DESC`,
      [cohortId, from, to],
    );
    return rows.map((r) => ({
      day: r.day,
      recordedAt: r.created_at,
      step: r.step,
      milestone: { id: r.milestone_id, code: r.code, title: r.title, dueOn: r.due_on },
      fellow: { id: r.fellow_id, fullName: r.fellow_name },
      recipientId: r.recipient_id,
      recipientName: r.recipient_name,
      delivery: r.delivery,
    }));
  }

  private async cohortExists(cohortId: string): Promise<void> {
    const [cohort] = await this.db.query<unknown[]>(`SELECT 1 FROM cohorts WHERE id = $1`, [cohortId]);
    if (!cohort) throw new NotFoundError('Cohort', cohortId);
  }
}
