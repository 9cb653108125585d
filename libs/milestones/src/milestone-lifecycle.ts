import type { MilestoneState } from './entities/milestone.entity';
import { MilestoneTransitionError } from './milestones.errors';

export const MILESTONE_EVENTS = ['submit', 'request_changes', 'approve', 'waive'] as const;
export type MilestoneEvent = (typeof MILESTONE_EVENTS)[number];

/** The one table of a milestone's allowed changes of state. */
export const MILESTONE_TRANSITIONS: Record<MilestoneEvent, { from: readonly MilestoneState[]; to: MilestoneState }> = {
  submit: { from: ['open', 'changes_requested'], to: 'submitted' },
  request_changes: { from: ['submitted'], to: 'changes_requested' },
  approve: { from: ['submitted'], to: 'approved' },
  waive: { from: ['open', 'submitted', 'changes_requested'], to: 'waived' },
};

/** Whether `event` may happen to a milestone in `state`. */
export const canApply = (state: MilestoneState, event: MilestoneEvent): boolean =>
  MILESTONE_TRANSITIONS[event].from.includes(state);

/** The state after `event`, or a 409 naming what the state allows. */
export function nextState(state: MilestoneState, event: MilestoneEvent): MilestoneState {
  if (!canApply(state, event)) throw new MilestoneTransitionError(state, event);
  return MILESTONE_TRANSITIONS[event].to;
}
