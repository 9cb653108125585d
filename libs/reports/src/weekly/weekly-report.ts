import { Readable } from 'node:stream';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PROGRAM_TIME_ZONE, programDay } from '@vgbf/core';
import type { TemplateData } from '@vgbf/mail';
import { OutboxService, mailRecipients } from '@vgbf/outbox';
import { Scheduled, type ScheduledRun } from '@vgbf/scheduler';
import { DOCUMENT_STORAGE, type DocumentStorage } from '@vgbf/storage';
import type { DataSource, EntityManager } from 'typeorm';
import { fileSlug } from '../files/report-definitions';
import { REPORT_CONTENT_TYPES } from '../files/report-writers';
import { ProgressQuery } from '../progress/progress-query';
import type { ProgressRow } from '../progress/progress.sql';
import { RULE_LABELS, reasonsText } from './flag-text';
import { WEEKLY_SQL, type WeeklyRow } from './weekly-report.sql';
import { weeklyWorkbook } from './weekly-workbook';

type Lang = 'vi' | 'en';

interface StaffRow {
  email: string;
  full_name: string;
  language: Lang;
}

/** The ISO week (YYYY-Www) of an instant, on the programme's calendar. */
export function isoWeek(at: Date): string {
  const day = new Date(`${programDay(at)}T00:00:00Z`);
  const weekday = day.getUTCDay() || 7;
  day.setUTCDate(day.getUTCDate() + 4 - weekday); // the week's Thursday decides its year
  const yearStart = Date.UTC(day.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((day.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${day.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

const STAFF_SQL = `SELECT email, full_name, language FROM user_contacts_v WHERE 'staff' = ANY(roles) ORDER BY email`;

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
    @InjectDataSource() private readonly db: DataSource,
    private readonly outbox: OutboxService,
    private readonly progress: ProgressQuery,
    @Inject(DOCUMENT_STORAGE) private readonly storage: DocumentStorage,
  ) {}

  @Scheduled({ name: 'reports.weekly-cohort', cron: '0 8 * * 1' })
  async send({ period }: ScheduledRun): Promise<{ emails: number; cohorts: number }> {
    const week = isoWeek(period);
    const cohorts = await this.db.query<Array<{ id: string; name: string }>>(
      `SELECT id, name FROM cohort_headers_v WHERE status = 'running' ORDER BY name`,
    );
    let emails = 0;
    for (const cohort of cohorts) emails += await this.sendForCohort(cohort, week);
    return { emails, cohorts: cohorts.length };
  }

  /** The emails enqueued for one cohort and week (0 when every staff member already has theirs). */
  async sendForCohort(cohort: { id: string; name: string }, week: string): Promise<number> {
    const staff = await this.db.query<StaffRow[]>(STAFF_SQL);
    // This report's emails already written (the outbox's reader): a second run sends nobody twice.
    const sent = new Set(await mailRecipients(this.db.manager, 'weekly-report', { cohortId: cohort.id, week }));
    if (staff.every((s) => sent.has(s.email))) return 0;

    const progress = await this.progress.rows([cohort.id], false);
    const [weekly] = await this.db.query<WeeklyRow[]>(WEEKLY_SQL, [cohort.id, this.progress.now(), PROGRAM_TIME_ZONE]);
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
      written = await this.db.transaction(async (manager: EntityManager) => {
        await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`reports.weekly:${cohort.id}:${week}`]);
        const done = new Set(await mailRecipients(manager, 'weekly-report', { cohortId: cohort.id, week }));
        const due = (await manager.query<StaffRow[]>(STAFF_SQL)).filter((s) => !done.has(s.email));
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
