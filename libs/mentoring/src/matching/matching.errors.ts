import { DomainError, type FieldError, type ProblemParams } from '@vgbf/core';

/**
 * No matching meets every hard rule; each reason proves it on its own, with its catalogue code and
 * params (matching.<kind>, worded in the reader's language) and an English sentence.
 */
export class MatchingInfeasibleError extends DomainError {
  constructor(reasons: Array<{ kind: string; code: string; params: ProblemParams; message: string }>) {
    super('matching_infeasible', 'unprocessable', reasons.map((r) => r.message).join(' '), { reasons });
  }
}

export class NothingToMatchError extends DomainError {
  constructor() {
    super('nothing_to_match', 'conflict', 'Every active fellow of the cohort already has a mentor.');
  }
}

export class MatchingProposalClosedError extends DomainError {
  constructor(status: string) {
    super('proposal_closed', 'conflict', `This proposal is ${status}: run the matching again.`, {
      proposalStatus: status,
    });
  }
}

export class MatchingStaleError extends DomainError {
  constructor() {
    super('proposal_stale', 'conflict', 'Fellows, mentors or constraints changed since this proposal: run it again.');
  }
}

export class InvalidMatchingInputError extends DomainError {
  constructor(errors: FieldError[]) {
    super('invalid_matching', 'invalid', errors.map((e) => e.message).join(' '), { errors });
  }
}

export class RematchAlreadyRequestedError extends DomainError {
  constructor() {
    super(
      'rematch_already_requested',
      'conflict',
      'You have already asked for a rematch of this pair; staff will answer.',
    );
  }
}

export class RematchResolvedError extends DomainError {
  constructor(status: string) {
    super('rematch_resolved', 'conflict', `This request is already ${status}.`, { requestStatus: status });
  }
}
