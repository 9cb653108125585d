import { Readable } from 'node:stream';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { PROGRAM_TIME_ZONE, programDay } from '@vgbf/core';
import type { TemplateData } from '@vgbf/mail';
import { OutboxService, mailRecipients } from '@vgbf/outbox';
import { Scheduled, type ScheduledRun } from '@vgbf/scheduler';
import { DOCUMENT_STORAGE, type DocumentStorage } from '@vgbf/storage';
import { Transactions, runQuery } from '@vgbf/database';
import type { EntityManager } from 'typeorm';
import { fileSlug } from '../files/report-definitions';
import { REPORT_CONTENT_TYPES } from '../files/report-writers';
import { ProgressQuery } from '../progress/progress-query';
import type { ProgressRow } from '../data-access/progress';
import { statement } from '../data-access/relations';
import {
  type StaffLanguage as Lang,
  type WeeklyRow,
  lockForTransaction,
  runningCohorts,
  staffContacts,
  weeklyStatement,
} from '../data-access/weekly';
import { RULE_LABELS, reasonsText } from './flag-text';
import { weeklyWorkbook } from './weekly-workbook';

/** The ISO week (YYYY-Www) of an instant, on the programme's calendar. */
export function isoWeek(at: Date): string {
  const day = new Date(`${programDay(at)}T00:00:00Z`);
  const weekday = day.getUTCDay() || 7;
  day.setUTCDate(day.getUTCDate() + 4 - weekday); // the week's Thursday decides its year
  const yearStart = Date.UTC(day.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((day.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${day.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/**
 * Monday 08:00 (Vietnam): for each running cohort, an email to every staff member with the week's
 * summary and an XLSX attachment (one sheet per topic).
 *
 * Once per (cohort, week) per staff member: the scheduler runs one job per period, and the emails are
 * written under a transaction-scoped advisory lock on (cohort, week) after checking which recipients
 * already have theirs. The file is written to storage before the transaction (storage is not
 * transactional): when the transaction fails, or finds everyone already served, the file is deleted.
 */
@Injectable()
export class WeeklyReport {
  private readonly logger = new Logger(WeeklyReport.name);

  constructor(
    private readonly transactions: Transactions,
    private readonly outbox: OutboxService,
    private readonly progress: ProgressQuery,
    @Inject(DOCUMENT_STORAGE) private readonly storage: DocumentStorage,
  ) {}

  @Scheduled({ name: 'reports.weekly-cohort', cron: '0 8 * * 1' })
  async send({ period }: ScheduledRun): Promise<{ emails: number; cohorts: number }> {
    const week = isoWeek(period);
    const cohorts = await runningCohorts(this.transactions.current());
    let emails = 0;
    for (const cohort of cohorts) emails += await this.sendForCohort(cohort, week);
    return { emails, cohorts: cohorts.length };
  }

  /** The emails enqueued for one cohort and week (0 when every staff member already has theirs). */
  async sendForCohort(cohort: { id: string; name: string }, week: string): Promise<number> {
    const staff = await staffContacts(this.transactions.current());
    // This report's emails already written (the outbox's reader): a second run sends nobody twice.
    const sent = new Set(await mailRecipients(this.transactions.current(), 'weekly-report', { cohortId: cohort.id, week }));
    if (staff.every((s) => sent.has(s.email))) return 0;

    const progress = await this.progress.rows([cohort.id], false);
    const [weekly] = await runQuery(
      this.transactions.current(),
      statement(weeklyStatement(cohort.id, this.progress.now(), PROGRAM_TIME_ZONE)),
    );
    // One file per language the staff read, each attached to the emails in that language.
    const languages = [...new Set(staff.map((m) => m.language))];
    const attachments = new Map<Lang, { filename: string; storageKey: string; contentType: string }>();
    /** Files no email refers to: every file after a failure, else those of a language nobody was due. */
    const used = new Set<Lang>();
    const deleteStored = async (): Promise<void> => {
      for (const [language, { storageKey }] of attachments) {
        if (used.has(language)) continue;
        await this.storage
          .delete(storageKey)
          .catch((e: unknown) => this.logger.error({ err: e }, 'Orphan file left'));
      }
    };
    try {
      for (const language of languages) {
        const file = await weeklyWorkbook(progress, weekly, language);
        const stored = await this.storage.put(Readable.from([file]), { prefix: `reports/weekly/${cohort.id}` });
        attachments.set(language, {
          filename: `weekly-${fileSlug(cohort.name)}-${week}.xlsx`,
          storageKey: stored.key,
          contentType: REPORT_CONTENT_TYPES.xlsx,
        });
      }
    } catch (error) {
      await deleteStored();
      throw error;
    }
    let written = 0;
    try {
      written = await this.transactions.run(async (manager: EntityManager) => {
        await lockForTransaction(manager, `reports.weekly:${cohort.id}:${week}`);
        const done = new Set(await mailRecipients(manager, 'weekly-report', { cohortId: cohort.id, week }));
        const due = (await staffContacts(manager)).filter((s) => !done.has(s.email));
        for (const member of due) {
          // A member whose language changed since the list above was read gets the first file made.
          const language = attachments.has(member.language) ? member.language : (languages[0]);
          used.add(language);
          await this.outbox.enqueueEmail(manager, {
            template: 'weekly-report',
            to: member.email,
            language: member.language,
            data: { ...this.summary(cohort, week, progress, weekly, member.language), fullName: member.full_name },
            attachments: [attachments.get(language) as { filename: string; storageKey: string; contentType: string }],
          });
        }
        return due.length;
      });
    } catch (error) {
      used.clear();
      await deleteStored();
      throw error;
    }
    await deleteStored();
    return written;
  }

  /** The template's data: the figures, and the at-risk table in the recipient's language. */
  private summary(
    cohort: { id: string; name: string },
    week: string,
    progress: ProgressRow[],
    weekly: WeeklyRow,
    lang: Lang,
  ): Omit<TemplateData<'weekly-report'>, 'fullName'> & { cohortId: string } {
    const due = progress.reduce((n, r) => n + r.due, 0);
    const approved = progress.reduce((n, r) => n + r.approved_due, 0);
    const atRisk = progress.filter((r) => r.flags.length > 0);
    const header = lang === 'vi' ? ['Học viên', 'Dấu hiệu', 'Lý do'] : ['Fellow', 'Flag', 'Reasons'];
    const table = [
      header,
      ...atRisk.flatMap((r) =>
        r.flags.map((f) => [
          r.full_name,
          RULE_LABELS[f.rule][lang] + (r.acknowledgements[f.rule] ? (lang === 'vi' ? ' (đã ghi nhận)' : ' (acknowledged)') : ''),
          reasonsText(f.rule, f.reasons, lang),
        ]),
      ),
    ];
    return {
      cohortId: cohort.id,
      week,
      cohort: cohort.name,
      fellows: String(progress.length),
      percentApproved: due ? `${Math.round((100 * approved) / due)}%` : '—',
      overdue: String(progress.reduce((n, r) => n + r.overdue, 0)),
      sessionsLastWeek: String(weekly.sessions_last_week),
      confirmedLastWeek: String(weekly.confirmed_last_week),
      upcoming: String(weekly.upcoming.length),
      atRisk: String(atRisk.length),
      atRiskTable: JSON.stringify(table),
    };
  }
}
