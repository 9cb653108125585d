import type { Notification } from '@vgbf/notifications';
import { type MilestoneAudience, type MilestoneStep, STEP_TEMPLATES } from './milestone-chain';
import { type ChainStep, daysBetween } from './reminder-chain';
import type { ReminderTarget } from './reminder-targets';

/** The email of one step to one recipient on `day` (counts are from that day, so a late step says the truth). */
export function reminderNotification(
  target: ReminderTarget,
  step: ChainStep<MilestoneStep, MilestoneAudience>,
  day: string,
  publicUrl: string,
): Notification {
  const late = daysBetween(target.dueOn, day);
  return {
    template: STEP_TEMPLATES[step.step],
    mandatory: step.mandatory,
    data: {
      // Not shown; kept with the email so it can be traced to its step.
      step: step.step,
      milestone: target.title[target.language] || target.title.en || target.code,
      fellowName: target.fellowName,
      dueOn: target.dueOn,
      daysLeft: String(Math.max(0, -late)),
      daysLate: String(Math.max(0, late)),
      link: `${publicUrl.replace(/\/$/, '')}/milestones`,
    },
  };
}
