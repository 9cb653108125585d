import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppConfig } from '@vgbf/config';
import { PROGRAM_TIME_ZONE } from '@vgbf/core';
import type { Language } from '@vgbf/identity';
import { OutboxService } from '@vgbf/outbox';
import { Scheduled, type ScheduledRun } from '@vgbf/scheduler';
import type { DataSource } from 'typeorm';

/** A mentor is reminded after this many days with no session logged for an active pair. */
export const SILENCE_DAYS = 30;
/** A fellow is reminded of sessions logged this many days ago and still unconfirmed. */
export const UNCONFIRMED_DAYS = 3;
/** Both sides are reminded of a planned session starting within this many hours. */
export const UPCOMING_HOURS = 24;

const MODE_WORDS: Record<string, Record<Language, string>> = {
  in_person: { vi: 'gặp trực tiếp', en: 'in person' },
  online: { vi: 'gọi video', en: 'by video' },
  phone: { vi: 'qua điện thoại', en: 'by phone' },
};

/**
 * Mentoring reminders, daily. The reminder row (unique per pair, kind and period) is inserted
 * ON CONFLICT DO NOTHING and its email enqueued in the same transaction, so running a job twice
 * sends once.
 *
 * - mentor_inactive: the period is the day (in Vietnam) the silence began, the later of the pairing
 *   and its last session. One reminder per silence: the next comes only after another session and
 *   another 30 days without one.
 * - fellow_unconfirmed: the period is the day of the run, so at most one reminder per pair a day
 *   while sessions logged over 3 days ago wait for the fellow's confirmation.
 * - session_upcoming: hourly; the period is the planned session and its start, so each side is
 *   reminded once the day before, and once more only if it is rescheduled.
 */
@Injectable()
export class MentoringReminders {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly outbox: OutboxService,
    private readonly config: AppConfig,
  ) {}

  @Scheduled({ name: 'mentoring.inactive-mentor-reminders', cron: '0 9 * * *' })
  async remindInactiveMentors({ period }: ScheduledRun): Promise<number> {
    return this.db.transaction(async (manager) => {
      const due = await manager.query<
        Array<{ email: string; full_name: string; language: Language; fellow_name: string; since: string }>
      >(
        `WITH silent AS (
           SELECT p.id AS pairing_id, p.mentor_id, f.full_name AS fellow_name,
                  greatest(p.created_at, max(s.held_at)) AS silent_since
             FROM pairings p
             JOIN fellows f ON f.id = p.fellow_id
             LEFT JOIN mentoring_sessions s ON s.pairing_id = p.id
            WHERE p.status = 'active'
            GROUP BY p.id, f.full_name
           HAVING greatest(p.created_at, max(s.held_at)) <= $1::timestamptz - make_interval(days => $3)),
         due AS (
           INSERT INTO mentoring_reminders (pairing_id, kind, period)
           SELECT pairing_id, 'mentor_inactive', to_char(silent_since AT TIME ZONE $2, 'YYYY-MM-DD') FROM silent
           ON CONFLICT (pairing_id, kind, period) DO NOTHING
           RETURNING pairing_id, period)
         SELECT u.email, u.full_name, u.language, si.fellow_name, due.period AS since
           FROM due
           JOIN silent si USING (pairing_id)
           JOIN users u ON u.id = si.mentor_id
          ORDER BY u.email, si.fellow_name`,
        [period, PROGRAM_TIME_ZONE, SILENCE_DAYS],
      );
      for (const row of due) {
        await this.outbox.enqueueEmail(manager, {
          template: 'mentoring-mentor-inactive',
          to: row.email,
          language: row.language,
          data: {
            fullName: row.full_name,
            fellowName: row.fellow_name,
            since: row.since,
            days: String(SILENCE_DAYS),
            link: `${this.config.PUBLIC_URL}/mentoring`,
          },
        });
      }
      return due.length;
    });
  }

  @Scheduled({ name: 'mentoring.unconfirmed-session-reminders', cron: '0 10 * * *' })
  async remindUnconfirmedSessions({ period }: ScheduledRun): Promise<number> {
    return this.db.transaction(async (manager) => {
      const due = await manager.query<
        Array<{ email: string; full_name: string; language: Language; mentor_name: string; pending: number }>
      >(
        `WITH waiting AS (
           SELECT p.id AS pairing_id, f.user_id, p.mentor_id, count(*)::int AS pending
             FROM mentoring_sessions s
             JOIN pairings p ON p.id = s.pairing_id AND p.status = 'active'
             JOIN fellows f ON f.id = p.fellow_id
            WHERE s.confirmed_at IS NULL AND s.created_at <= $1::timestamptz - make_interval(days => $3)
            GROUP BY p.id, f.user_id, p.mentor_id),
         due AS (
           INSERT INTO mentoring_reminders (pairing_id, kind, period)
           SELECT pairing_id, 'fellow_unconfirmed', to_char($1::timestamptz AT TIME ZONE $2, 'YYYY-MM-DD') FROM waiting
           ON CONFLICT (pairing_id, kind, period) DO NOTHING
           RETURNING pairing_id)
         SELECT u.email, u.full_name, u.language, m.full_name AS mentor_name, w.pending
           FROM due
           JOIN waiting w USING (pairing_id)
           JOIN users u ON u.id = w.user_id
           JOIN users m ON m.id = w.mentor_id
          ORDER BY u.email`,
        [period, PROGRAM_TIME_ZONE, UNCONFIRMED_DAYS],
      );
      for (const row of due) {
        await this.outbox.enqueueEmail(manager, {
          template: 'mentoring-sessions-unconfirmed',
          to: row.email,
          language: row.language,
          data: {
            fullName: row.full_name,
            mentorName: row.mentor_name,
            pending: String(row.pending),
            link: `${this.config.PUBLIC_URL}/mentoring`,
          },
        });
      }
      return due.length;
    });
  }

  @Scheduled({ name: 'mentoring.upcoming-session-reminders', cron: '15 * * * *' })
  async remindUpcomingSessions({ period }: ScheduledRun): Promise<number> {
    return this.db.transaction(async (manager) => {
      const due = await manager.query<
        Array<{
          email: string;
          full_name: string;
          language: Language;
          other_name: string;
          starts_at: string;
          minutes: number;
          mode: string;
          agenda: string;
          fellow_side: boolean;
        }>
      >(
        `WITH upcoming AS (
           SELECT ps.id, ps.pairing_id, ps.starts_at, ps.duration_minutes, ps.mode, ps.agenda, p.mentor_id, f.user_id,
                  f.full_name AS fellow_name
             FROM planned_sessions ps
             JOIN pairings p ON p.id = ps.pairing_id AND p.status = 'active'
             JOIN fellows f ON f.id = p.fellow_id
            WHERE ps.status = 'planned'
              AND ps.starts_at > $1::timestamptz AND ps.starts_at <= $1::timestamptz + make_interval(hours => $3)),
         due AS (
           INSERT INTO mentoring_reminders (pairing_id, kind, period)
           SELECT pairing_id, 'session_upcoming', id || '@' || to_char(starts_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI') FROM upcoming
           ON CONFLICT (pairing_id, kind, period) DO NOTHING
           RETURNING period)
         SELECT u.email, u.full_name, u.language, up.duration_minutes AS minutes, up.mode, up.agenda,
                to_char(up.starts_at AT TIME ZONE $2, 'YYYY-MM-DD HH24:MI') AS starts_at,
                CASE WHEN u.id = up.mentor_id THEN up.fellow_name ELSE m.full_name END AS other_name,
                u.id = up.user_id AS fellow_side
           FROM due
           JOIN upcoming up ON due.period = up.id || '@' || to_char(up.starts_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI')
           JOIN users m ON m.id = up.mentor_id
           JOIN users u ON u.id IN (up.mentor_id, up.user_id)
          ORDER BY u.email`,
        [period, PROGRAM_TIME_ZONE, UPCOMING_HOURS],
      );
      for (const row of due) {
        await this.outbox.enqueueEmail(manager, {
          template: 'mentoring-session-upcoming',
          to: row.email,
          language: row.language,
          data: {
            fullName: row.full_name,
            otherName: row.other_name,
            startsAt: row.starts_at,
            minutes: String(row.minutes),
            mode: MODE_WORDS[row.mode]?.[row.language] ?? row.mode,
            agenda: row.agenda || '—',
            link: `${this.config.PUBLIC_URL}/${row.fellow_side ? 'programme' : 'mentoring'}`,
          },
        });
      }
      return due.length;
    });
  }
}
