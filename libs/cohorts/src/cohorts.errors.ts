import { DomainError, type FieldError, type ProblemParams } from '@vgbf/core';
import type { TransitionBlocker } from './cohort-hooks';
import type { CohortStatus } from './entities/cohort.entity';

export class CohortNameTakenError extends DomainError {
  constructor(name: string) {
    super('cohort_name_taken', 'conflict', `A cohort named "${name}" already exists.`);
  }
}

/** Rules across fields (window order, start after the window, capacity): 400 with the field to fix. */
export class InvalidCohortError extends DomainError {
  /** `code` (validation.…) and `params` word the field error in the reader's language. */
  constructor(field: string, message: string, code: string, params: ProblemParams = {}) {
    super('invalid_cohort', 'invalid', message, { errors: [{ field, message, code, params }] });
  }
}

export class IllegalCohortTransitionError extends DomainError {
  constructor(from: CohortStatus, to: CohortStatus, allowed: readonly CohortStatus[]) {
    super(
      'illegal_cohort_transition',
      'conflict',
      `A ${from} cohort cannot become ${to}${allowed.length ? `; it can become ${allowed.join(' or ')}` : ''}.`,
      { from, to, allowed },
    );
  }
}

/** A precondition of the change is not met (e.g. the window is still open): 409 with each blocker's code. */
export class CohortTransitionBlockedError extends DomainError {
  constructor(from: CohortStatus, to: CohortStatus, blockers: TransitionBlocker[]) {
    super(
      'cohort_transition_blocked',
      'conflict',
      `The cohort cannot become ${to} yet: ${blockers.map((b) => b.code).join(', ')}. Staff may override with a reason.`,
      { from, to, blockers },
    );
  }
}

/** Hubs are fixed once reviewing starts: fellows and placements point at them. */
export class CohortSettingsLockedError extends DomainError {
  constructor(what: string, status: CohortStatus) {
    super('cohort_settings_locked', 'conflict', `The ${what} of a ${status} cohort can no longer change.`, {
      what,
      cohortStatus: status,
    });
  }
}

/** Checkpoints that passed the DTO but break a rule across fields (codes used twice, opening outside the year). */
export class InvalidCheckpointsError extends DomainError {
  constructor(errors: FieldError[]) {
    super('invalid_feedback_checkpoints', 'invalid', errors.map((e) => e.message).join(' '), { errors });
  }
}

/** Fellows answer the checkpoints once the programme runs: from its start date they no longer change. */
export class CheckpointsLockedError extends DomainError {
  constructor(startDate: string) {
    super(
      'feedback_checkpoints_locked',
      'conflict',
      `The programme started on ${startDate}: its feedback checkpoints can no longer change.`,
      { startDate },
    );
  }
}
