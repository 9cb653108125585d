import type { RequestState } from './entities/data-request.entity';

export const REQUEST_ACTIONS = ['acknowledge', 'start', 'extend', 'complete', 'refuse'] as const;
export type RequestAction = (typeof REQUEST_ACTIONS)[number];

/** The request's lifecycle: which action may happen in which state, and where it leads. */
const TRANSITIONS: Record<RequestAction, { from: readonly RequestState[]; to: RequestState | 'same' }> = {
  acknowledge: { from: ['received'], to: 'acknowledged' },
  start: { from: ['acknowledged'], to: 'in_progress' },
  extend: { from: ['acknowledged', 'in_progress'], to: 'same' },
  complete: { from: ['acknowledged', 'in_progress'], to: 'completed' },
  refuse: { from: ['received', 'acknowledged', 'in_progress'], to: 'refused' },
};

export const OPEN_STATES: readonly RequestState[] = ['received', 'acknowledged', 'in_progress'];

/** The state after `action`, or null when the action is not allowed in `state`. */
export function nextState(state: RequestState, action: RequestAction): RequestState | null {
  const t = TRANSITIONS[action];
  if (!t.from.includes(state)) return null;
  return t.to === 'same' ? state : t.to;
}

/** The actions staff may take now (what the detail page offers). */
export function allowedActions(state: RequestState, extended: boolean): RequestAction[] {
  return REQUEST_ACTIONS.filter((a) => nextState(state, a) !== null && !(a === 'extend' && extended));
}
