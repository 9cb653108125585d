import { DomainError } from '@vgbf/core';
import type { CohortStatus } from './entities/cohort.entity';

export class CohortNameTakenError extends DomainError {
  constructor(name: string) {
    super('cohort_name_taken', 'conflict', `A cohort named "${name}" already exists.`);
  }
}

/** Rules across fields (window order, start after the window, capacity): 400 with the field to fix. */
export class InvalidCohortError extends DomainError {
  constructor(field: string, message: string) {
    super('invalid_cohort', 'invalid', message, { errors: [{ field, message }] });
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
