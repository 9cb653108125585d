import type { CohortStatus } from './entities/cohort.entity';

/** The one table of allowed cohort status changes. */
export const COHORT_TRANSITIONS: Record<CohortStatus, readonly CohortStatus[]> = {
  draft: ['open', 'closed'],
  open: ['reviewing', 'closed'],
  reviewing: ['selecting'],
  selecting: ['running'],
  running: ['closed'],
  closed: [],
};

export function canTransition(from: CohortStatus, to: CohortStatus): boolean {
  return COHORT_TRANSITIONS[from].includes(to);
}
