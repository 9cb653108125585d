import type { TransitionBlocker } from './cohort-hooks';
import type { CohortStatus } from './entities/cohort.entity';

export interface CohortFacts {
  applicationClosesAt: Date;
  programmeStartDate: string;
  trackMonths: number;
  hubs: number;
}

/** The day the programme ends: its start plus the track's months (a calendar day in Vietnam). */
export function programmeEndDate(start: string, trackMonths: number): string {
  const [y, m, d] = start.split('-').map(Number) as [number, number, number];
  const end = new Date(Date.UTC(y, m - 1 + trackMonths, d));
  return end.toISOString().slice(0, 10);
}

/**
 * The cohort's own preconditions of a status change (other modules add theirs through CohortHooks).
 * Pure: the cohort's facts, the change, now and today's date in Vietnam.
 */
export function cohortBlockers(
  cohort: CohortFacts,
  from: CohortStatus,
  to: CohortStatus,
  now: Date,
  today: string,
): TransitionBlocker[] {
  const blockers: TransitionBlocker[] = [];
  if (to === 'open' && cohort.hubs === 0) blockers.push({ code: 'no_hubs', params: {} });
  if (from === 'open' && to === 'reviewing' && now < cohort.applicationClosesAt) {
    blockers.push({ code: 'window_not_closed', params: { closesAt: cohort.applicationClosesAt.toISOString() } });
  }
  if (to === 'running' && today < cohort.programmeStartDate) {
    blockers.push({ code: 'programme_not_started', params: { programmeStartDate: cohort.programmeStartDate } });
  }
  if (from === 'running' && to === 'closed') {
    const end = programmeEndDate(cohort.programmeStartDate, cohort.trackMonths);
    if (today < end) blockers.push({ code: 'programme_not_ended', params: { programmeEndDate: end } });
  }
  return blockers;
}
