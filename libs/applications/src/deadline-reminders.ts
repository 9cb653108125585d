import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { formatInProgramZone } from '@vgbf/core';
import { AccountsService } from '@vgbf/identity';
import { OutboxService } from '@vgbf/outbox';
import { Scheduled, type ScheduledRun } from '@vgbf/scheduler';
import type { DataSource } from 'typeorm';
import type { ReminderKind } from './entities/application-reminder.entity';

/** Which reminder is due with this much time left: 7-day from 7 days out, 1-day in the last day. */
const WINDOWS: Array<{ kind: ReminderKind; from: string; to: string }> = [
  { kind: 'deadline_7d', from: '1 day', to: '7 days' },
  { kind: 'deadline_1d', from: '0 seconds', to: '1 day' },
];

/**
 * Applicants with an unsubmitted draft are reminded 7 days and 1 day before the deadline. The
 * reminder row (unique per application and kind) and its email commit together, so each email
 * goes out once however often, or however late, the job runs.
 */
@Injectable()
export class DeadlineReminders {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly outbox: OutboxService,
    private readonly accounts: AccountsService,
  ) {}

  @Scheduled({ name: 'applications.deadline-reminders', cron: '0 9 * * *' })
  async send({ period }: ScheduledRun): Promise<Record<ReminderKind, number>> {
    const sent = { deadline_7d: 0, deadline_1d: 0 };
    for (const window of WINDOWS) {
      await this.db.transaction(async (manager) => {
        type Due = { id: string; applicant_id: string; cohort: string; closes: Date; personal_name: string | null };
        const due = await manager.query<Due[]>(
          `WITH due AS (
             INSERT INTO application_reminders (application_id, kind)
             SELECT a.id, $2 FROM applications a JOIN cohorts c ON c.id = a.cohort_id
              WHERE a.status = 'draft' AND c.status = 'open'
                AND c.application_closes_at > $1::timestamptz + $3::interval
                AND c.application_closes_at <= $1::timestamptz + $4::interval
             ON CONFLICT (application_id, kind) DO NOTHING
             RETURNING application_id)
           SELECT a.id, a.applicant_id, c.name AS cohort, c.application_closes_at AS closes,
                  a.personal->>'fullName' AS personal_name
             FROM due JOIN applications a ON a.id = due.application_id JOIN cohorts c ON c.id = a.cohort_id`,
          [period, window.kind, window.from, window.to],
        );
        const contacts = await this.accounts.contacts([...new Set(due.map((d) => d.applicant_id))]);
        for (const row of due) {
          const who = contacts.get(row.applicant_id);
          if (!who) continue;
          const daysLeft = Math.max(1, Math.ceil((new Date(row.closes).getTime() - period.getTime()) / 86_400_000));
          await this.outbox.enqueueEmail(manager, {
            template: 'deadline-reminder',
            to: who.email,
            language: who.language,
            data: {
              fullName: row.personal_name ?? who.fullName,
              cohort: row.cohort,
              deadline: formatInProgramZone(new Date(row.closes)),
              daysLeft: String(daysLeft),
            },
          });
        }
        sent[window.kind] = due.length;
      });
    }
    return sent;
  }
}
