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
import { type DueWindows, reminderTargetRows } from '../data-access/reminders';
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

/** For each audience, the due dates whose chain has a step for it between `from` and `to` (catch-up included). */
function dueWindows(from: string, to: string): DueWindows {
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
  const rows = await reminderTargetRows(manager, {
    states: REMINDABLE_STATES,
    cohortId: range.cohortId ?? null,
    windows: dueWindows(range.from, range.to),
  });
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
