import type { ProposalStatus } from './proposal-runs';

/**
 * How a use's confirmations relate: `once` — a cohort has at most one confirmed run, after which
 * nothing more is proposed or confirmed (selection, placement); `each` — every proposal is
 * confirmed on its own, for whoever it covers (matching: fellows still without a mentor).
 */
export type ConfirmationPolicy = 'once' | 'each';

/** Whether a run may be confirmed now, or why not. */
export type ConfirmVerdict = 'open' | 'confirmed' | 'superseded' | 'closed';

/**
 * Pure: with `once`, a cohort that has a confirmed run refuses every confirmation ('confirmed'),
 * before a superseded run is named as such; with `each`, any run no longer proposed is 'closed'.
 */
export function confirmVerdict(
  status: ProposalStatus,
  policy: ConfirmationPolicy,
  cohortHasConfirmed: boolean,
): ConfirmVerdict {
  if (policy === 'each') return status === 'proposed' ? 'open' : 'closed';
  if (status === 'confirmed' || status === 'approved' || cohortHasConfirmed) return 'confirmed';
  return status === 'superseded' ? 'superseded' : 'open';
}
