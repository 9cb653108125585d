import { DomainError, type FieldError } from '@vgbf/core';

export class SelectionNotOpenError extends DomainError {
  constructor(status: string) {
    super('selection_not_open', 'conflict', `The cohort is ${status}: selection happens while it is selecting.`);
  }
}

export class InvalidSelectionError extends DomainError {
  constructor(errors: FieldError[]) {
    super('invalid_selection', 'invalid', errors.map((e) => e.message).join(' '), { errors });
  }
}

/** No selection satisfies every constraint; `clash` is a minimal set of them that cannot hold together. */
export class SelectionInfeasibleError extends DomainError {
  constructor(clash: string[], errors: FieldError[]) {
    super(
      'selection_infeasible',
      'unprocessable',
      `No selection satisfies every constraint: ${clash.join(', ')} cannot hold together (relax any one of them).`,
      { clash, errors },
    );
  }
}

export class SelectionConfirmedError extends DomainError {
  constructor() {
    super('selection_confirmed', 'conflict', 'The selection of this cohort is already confirmed; offers are out.');
  }
}

export class ProposalSupersededError extends DomainError {
  constructor() {
    super('proposal_superseded', 'conflict', 'A newer proposal replaced this one: confirm the newest.');
  }
}

/** Between the proposal and its confirmation some candidates left the interviewed status. */
export class ProposalStaleError extends DomainError {
  constructor(applicationIds: string[]) {
    super(
      'proposal_stale',
      'conflict',
      `${applicationIds.length} candidate(s) of this proposal are no longer interviewed: make a new proposal.`,
      { applicationIds },
    );
  }
}
