import { Injectable } from '@nestjs/common';
import { AppConfig } from '@vgbf/config';
import { PROGRAM_TIME_ZONE } from '@vgbf/core';
import type { Language } from '@vgbf/identity';
import {
  type Notification,
  type ReminderChain,
  type ReminderFamily,
  type ReminderItem,
  type ReminderRange,
  addDays,
  dueWindow,
} from '@vgbf/notifications';
import type { EntityManager } from 'typeorm';
import { type Person, pairsWaitingForConfirmation, silentPairs, upcomingSessions } from '../data-access/reminders';

/** A mentor is reminded after this many days with no session logged for an active pair. */
export const SILENCE_DAYS = 30;
/** A fellow is reminded of sessions logged this many days ago and still unconfirmed. */
export const UNCONFIRMED_DAYS = 3;

export const MENTORING_REMINDER_KINDS = ['mentor_inactive', 'fellow_unconfirmed', 'session_upcoming'] as const;
export type MentoringReminderKind = (typeof MENTORING_REMINDER_KINDS)[number];

/** The families' names in the reminder log (never change them: they key the log). */
export const MENTORING_FAMILIES = {
  inactive: 'mentoring.inactive',
  unconfirmed: 'mentoring.unconfirmed',
  upcoming: 'mentoring.upcoming',
} as const;

const MODE_WORDS: Record<string, Record<Language, string>> = {
  in_person: { vi: 'gặp trực tiếp', en: 'in person' },
  online: { vi: 'gọi video', en: 'by video' },
  phone: { vi: 'qua điện thoại', en: 'by phone' },
};

const recipient = (p: Person) => ({ userId: p.user_id, email: p.email, fullName: p.full_name, language: p.language });
/** A silence is reminded however late the job finds it (once per silence: the key is its due date). */
const ANY_TIME_LATER = 36_500;

/** The chain of a pair's silence: 30 days after the last session (or the pairing), the mentor (mandatory). */
export const INACTIVE_CHAIN = [
  { step: 'mentor_inactive', offsetDays: 0, to: 'mentor', template: 'mentoring-mentor-inactive', mandatory: true },
] as const satisfies ReminderChain<'mentor_inactive', 'mentor'>;

interface SilentPair extends ReminderItem<'mentor'> {
  fellowName: string;
  since: string;
}

/**
 * A mentor is reminded when an active pair has had no session for 30 days: the due date is the day (in
 * Vietnam) the silence began plus 30, so there is one reminder per silence; the next comes only after
 * another session and another 30 days without one.
 */
@Injectable()
export class InactiveMentorReminders implements ReminderFamily<'mentor_inactive', 'mentor', SilentPair> {
  readonly name = MENTORING_FAMILIES.inactive;
  readonly chain = INACTIVE_CHAIN;
  readonly catchUpDays = ANY_TIME_LATER;

  constructor(private readonly config: AppConfig) {}

  async items(manager: EntityManager, range: ReminderRange): Promise<SilentPair[]> {
    const rows = await silentPairs(manager, PROGRAM_TIME_ZONE, SILENCE_DAYS, range.to);
    return rows.map((r) => ({
      subjectId: r.pairing_id,
      dueOn: addDays(r.since, SILENCE_DAYS),
      audience: 'mentor' as const,
      recipient: recipient(r),
      fellowName: r.fellow_name,
      since: r.since,
    }));
  }

  notification(item: SilentPair): Omit<Notification, 'mandatory'> {
    return {
      template: 'mentoring-mentor-inactive',
      data: {
        fellowName: item.fellowName,
        since: item.since,
        days: String(SILENCE_DAYS),
        link: `${this.config.PUBLIC_URL}/mentoring`,
      },
    };
  }
}

/** Sessions waiting for the fellow's confirmation: a reminder each day they wait (optional). */
export const UNCONFIRMED_CHAIN = [
  {
    step: 'fellow_unconfirmed',
    offsetDays: 0,
    to: 'fellow',
    template: 'mentoring-sessions-unconfirmed',
    mandatory: false,
  },
] as const satisfies ReminderChain<'fellow_unconfirmed', 'fellow'>;

interface WaitingPair extends ReminderItem<'fellow'> {
  mentorName: string;
  pending: number;
}

/**
 * A fellow is reminded of sessions logged over 3 days ago and still unconfirmed: the due date is the
 * run's day, so at most one reminder per pair a day while they wait.
 */
@Injectable()
export class UnconfirmedSessionReminders implements ReminderFamily<'fellow_unconfirmed', 'fellow', WaitingPair> {
  readonly name = MENTORING_FAMILIES.unconfirmed;
  readonly chain = UNCONFIRMED_CHAIN;
  readonly catchUpDays = 0;

  constructor(private readonly config: AppConfig) {}

  async items(manager: EntityManager, range: ReminderRange): Promise<WaitingPair[]> {
    if (!range.at) return []; // only a run knows which sessions have waited 3 days
    const rows = await pairsWaitingForConfirmation(manager, range.at, UNCONFIRMED_DAYS);
    return rows.map((r) => ({
      subjectId: r.pairing_id,
      dueOn: range.to,
      audience: 'fellow' as const,
      recipient: recipient(r),
      mentorName: r.mentor_name,
      pending: r.pending,
    }));
  }

  notification(item: WaitingPair): Omit<Notification, 'mandatory'> {
    return {
      template: 'mentoring-sessions-unconfirmed',
      data: { mentorName: item.mentorName, pending: String(item.pending), link: `${this.config.PUBLIC_URL}/mentoring` },
    };
  }
}

/** A planned session: both sides are reminded the day before (optional). */
export const UPCOMING_CHAIN = [
  {
    step: 'session_upcoming',
    offsetDays: -1,
    to: ['mentor', 'fellow'],
    template: 'mentoring-session-upcoming',
    mandatory: false,
  },
] as const satisfies ReminderChain<'session_upcoming', 'mentor' | 'fellow'>;

interface PlannedSession extends ReminderItem<'mentor' | 'fellow'> {
  otherName: string;
  startsAt: string;
  minutes: number;
  mode: string;
  agenda: string;
}

/**
 * Both sides of a planned session are reminded the day before it (or at once when it is planned for
 * the same day), by the hourly run; the due date and time are the session's start, so a moved session
 * is reminded again, and a cancelled or past one is not.
 */
@Injectable()
export class UpcomingSessionReminders implements ReminderFamily<
  'session_upcoming',
  'mentor' | 'fellow',
  PlannedSession
> {
  readonly name = MENTORING_FAMILIES.upcoming;
  readonly chain = UPCOMING_CHAIN;
  readonly catchUpDays = 1;
  readonly hourly = true;

  constructor(private readonly config: AppConfig) {}

  async items(manager: EntityManager, range: ReminderRange): Promise<PlannedSession[]> {
    const window = dueWindow(this.chain, this.catchUpDays, range);
    if (!window) return [];
    const rows = await upcomingSessions(manager, PROGRAM_TIME_ZONE, range.at ?? null, window);
    return rows.map((r) => ({
      subjectId: r.id,
      dueOn: r.due_on,
      dueTime: r.due_time,
      audience: r.fellow_side ? ('fellow' as const) : ('mentor' as const),
      recipient: recipient(r),
      otherName: r.other_name,
      startsAt: r.starts_at,
      minutes: r.minutes,
      mode: r.mode,
      agenda: r.agenda,
    }));
  }

  notification(item: PlannedSession): Omit<Notification, 'mandatory'> {
    return {
      template: 'mentoring-session-upcoming',
      data: {
        otherName: item.otherName,
        startsAt: item.startsAt,
        minutes: String(item.minutes),
        mode: MODE_WORDS[item.mode]?.[item.recipient.language] ?? item.mode,
        agenda: item.agenda || '—',
        link: `${this.config.PUBLIC_URL}/${item.audience === 'fellow' ? 'programme' : 'mentoring'}`,
      },
    };
  }
}
