import type { ApplicationStatus } from './entities/application.entity';

export const FINAL_STATUSES: readonly ApplicationStatus[] = [
  'ineligible',
  'rejected',
  'accepted',
  'declined',
  'withdrawn',
];

/** The one table of allowed application status changes; withdrawn is reachable from every non-final state. */
export const APPLICATION_TRANSITIONS: Record<ApplicationStatus, readonly ApplicationStatus[]> = {
  draft: ['submitted', 'withdrawn'],
  submitted: ['ineligible', 'under_review', 'withdrawn'],
  under_review: ['shortlisted', 'rejected', 'withdrawn'],
  shortlisted: ['interviewed', 'rejected', 'withdrawn'],
  interviewed: ['offered', 'waitlisted', 'rejected', 'withdrawn'],
  waitlisted: ['offered', 'rejected', 'withdrawn'],
  offered: ['accepted', 'declined', 'withdrawn'],
  ineligible: [],
  rejected: [],
  accepted: [],
  declined: [],
  withdrawn: [],
};

export function canTransitionApplication(from: ApplicationStatus, to: ApplicationStatus): boolean {
  return APPLICATION_TRANSITIONS[from].includes(to);
}
