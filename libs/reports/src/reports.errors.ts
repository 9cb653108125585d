import { DomainError } from '@vgbf/core';

/** The fellow is not in the cohort named in the path. */
export class FellowNotInCohortError extends DomainError {
  constructor(fellowId: string) {
    super('fellow_not_found', 'not_found', `Fellow ${fellowId} is not in this cohort.`);
  }
}

/** A report's file is asked for before the worker has finished it. */
export class ReportNotReadyError extends DomainError {
  constructor(status: string) {
    super('report_not_ready', 'conflict', `The report is ${status}: its file is not ready.`, { reportStatus: status });
  }
}
