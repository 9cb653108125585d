import { Injectable } from '@nestjs/common';
import { AppConfig } from '@vgbf/config';
import {
  type ChainStep,
  type Notification,
  type ReminderFamily,
  type ReminderItem,
  type ReminderRange,
  addDays,
  daysBetween,
} from '@vgbf/notifications';
import type { EntityManager } from 'typeorm';
import {
  CATCH_UP_DAYS,
  MILESTONE_AUDIENCES,
  MILESTONE_CHAIN,
  MILESTONE_FAMILY,
  REMINDABLE_STATES,
  type MilestoneAudience,
  type MilestoneStep,
} from './milestone-chain';

/** One recipient of one milestone's chain (the pipeline adds what they already got for its due date). */
export interface ReminderTarget extends ReminderItem<MilestoneAudience> {
  code: string;
  title: { vi: string; en: string };
  fellowId: string;
  fellowName: string;
  cohortId: string;
}

type Row = {
  milestone_id: string;
  code: string;
  title: { vi: string; en: string };
  due_on: string;
  fellow_id: string;
  fellow_name: string;
  cohort_id: string;
  audience: MilestoneAudience;
  user_id: string;
  email: string;
  full_name: string;
  language: 'vi' | 'en';
};

/** For each audience, the due dates whose chain has a step for it between `from` and `to` (catch-up included). */
function dueWindows(from: string, to: string): Record<MilestoneAudience, [string, string] | null> {
  const windows = {} as Record<MilestoneAudience, [string, string] | null>;
  for (const audience of MILESTONE_AUDIENCES) {
    const offsets = MILESTONE_CHAIN.filter((s) => ([] as readonly string[]).concat(s.to).includes(audience)).map(
      (s) => s.offsetDays,
    );
    windows[audience] = offsets.length
      ? [addDays(from, -(Math.max(...offsets) + CATCH_UP_DAYS)), addDays(to, -Math.min(...offsets))]
      : null;
  }
  return windows;
}

/**
 * Everyone a milestone's chain could reach between `from` and `to` (days in Vietnam): the fellow, their
 * active mentor, and every verified staff account (escalations go to all staff: the team is small and
 * shares the follow-up). Only remindable milestones of active fellows; the job and the dry run both
 * read this and hand it to the same chain function. Fellows, pairs in force and people come from their
 * owners' views (fellows' active_fellows_v, mentoring's active_pairings_v, identity's user_contacts_v).
 */
export async function loadReminderTargets(
  manager: EntityManager,
  range: { from: string; to: string; cohortId?: string },
): Promise<ReminderTarget[]> {
  const w = dueWindows(range.from, range.to);
  const rows = await manager.query<Row[]>(
    `WITH ms AS (
       SELECT m.id AS milestone_id, m.code, m.title, m.due_on, f.id AS fellow_id, f.full_name AS fellow_name,
              f.user_id AS fellow_user_id, f.cohort_id
         FROM milestones m
         JOIN active_fellows_v f ON f.id = m.fellow_id
        WHERE m.state = ANY($1::text[])
          AND ($2::uuid IS NULL OR f.cohort_id = $2)
          AND m.due_on BETWEEN least($3::date, $5::date, $7::date) AND greatest($4::date, $6::date, $8::date)),
     recipients AS (
       SELECT milestone_id, 'fellow' AS audience, fellow_user_id AS user_id FROM ms
        WHERE due_on BETWEEN $3::date AND $4::date
       UNION ALL
       SELECT ms.milestone_id, 'mentor', p.mentor_id FROM ms
         JOIN active_pairings_v p ON p.fellow_id = ms.fellow_id
        WHERE ms.due_on BETWEEN $5::date AND $6::date
       UNION ALL
       SELECT ms.milestone_id, 'staff', u.id FROM ms
         JOIN user_contacts_v u ON 'staff' = ANY(u.roles) AND u.email_verified_at IS NOT NULL
        WHERE ms.due_on BETWEEN $7::date AND $8::date)
     SELECT ms.milestone_id, ms.code, ms.title, to_char(ms.due_on, 'YYYY-MM-DD') AS due_on, ms.fellow_id,
            ms.fellow_name, ms.cohort_id, r.audience, r.user_id, u.email, u.full_name, u.language
       FROM ms JOIN recipients r USING (milestone_id) JOIN user_contacts_v u ON u.id = r.user_id
      ORDER BY ms.due_on, ms.fellow_name, ms.code, r.audience, u.email`,
    [
      REMINDABLE_STATES,
      range.cohortId ?? null,
      ...(w.fellow ?? [null, null]),
      ...(w.mentor ?? [null, null]),
      ...(w.staff ?? [null, null]),
    ],
  );
  return rows.map((r) => ({
    subjectId: r.milestone_id,
    code: r.code,
    title: r.title,
    dueOn: r.due_on,
    fellowId: r.fellow_id,
    fellowName: r.fellow_name,
    cohortId: r.cohort_id,
    audience: r.audience,
    recipient: { userId: r.user_id, email: r.email, fullName: r.full_name, language: r.language },
  }));
}

/**
 * The milestones' reminder family, registered with the notifications' ReminderPipeline: the chain of
 * milestone-chain.ts and this reader. Before and on the due day the steps are optional; overdue ones are
 * mandatory (always at once); a week late the mentor and the programme staff are told.
 */
@Injectable()
export class MilestoneReminderFamily implements ReminderFamily<MilestoneStep, MilestoneAudience, ReminderTarget> {
  readonly name = MILESTONE_FAMILY;
  readonly chain = MILESTONE_CHAIN;
  readonly catchUpDays = CATCH_UP_DAYS;

  constructor(private readonly config: AppConfig) {}

  items(manager: EntityManager, range: ReminderRange): Promise<ReminderTarget[]> {
    return loadReminderTargets(manager, { from: range.from, to: range.to, cohortId: range.scope });
  }

  /** The email of one step to one recipient on `day` (counts are from that day, so a late step says the truth). */
  notification(
    target: ReminderTarget,
    step: ChainStep<MilestoneStep, MilestoneAudience>,
    day: string,
  ): Omit<Notification, 'mandatory'> {
    const late = daysBetween(target.dueOn, day);
    const data = {
      milestone: target.title[target.recipient.language] || target.title.en || target.code,
      fellowName: target.fellowName,
      dueOn: target.dueOn,
      daysLeft: String(Math.max(0, -late)),
      daysLate: String(Math.max(0, late)),
      link: `${this.config.PUBLIC_URL.replace(/\/$/, '')}/milestones`,
    };
    // The declared step (its template a literal type), so the data is checked against each template.
    const declared = MILESTONE_CHAIN.find((s) => s.step === step.step);
    if (!declared) throw new Error(`No milestone step ${step.step}`);
    return { template: declared.template, data };
  }
}
