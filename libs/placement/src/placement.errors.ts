import { DomainError, type FieldError, type ProblemParams } from '@vgbf/core';
import type { PlacementInfeasibility } from '@vgbf/solvers';

/**
 * No placement meets every rule; each reason proves it on its own, with its catalogue code and params
 * (placement.<kind>, worded in the reader's language) and an English sentence.
 */
export class PlacementInfeasibleError extends DomainError {
  constructor(reasons: Array<PlacementInfeasibility & { code: string; params: ProblemParams; message: string }>) {
    super('placement_infeasible', 'unprocessable', reasons.map((r) => r.message).join(' '), { reasons });
  }
}

export class NoFellowsError extends DomainError {
  constructor() {
    super('no_fellows', 'conflict', 'The cohort has no active fellows to place yet.');
  }
}

export class PlacementConfirmedError extends DomainError {
  constructor() {
    super(
      'placement_confirmed',
      'conflict',
      'The placement of this cohort is confirmed: move fellows one at a time, with a reason.',
    );
  }
}

export class PlacementNotConfirmedError extends DomainError {
  constructor() {
    super('placement_not_confirmed', 'conflict', 'Confirm a placement for the cohort before moving a fellow.');
  }
}

export class PlacementSupersededError extends DomainError {
  constructor() {
    super('proposal_superseded', 'conflict', 'A newer proposal replaced this one: confirm the newest.');
  }
}

/** The fellows or their constraints changed since the proposal was made: run it again. */
export class PlacementStaleError extends DomainError {
  constructor() {
    super('proposal_stale', 'conflict', 'Fellows or their locks changed since this proposal: run the placement again.');
  }
}

export class HubFullError extends DomainError {
  constructor(hub: string, capacity: number) {
    super('hub_full', 'conflict', `${hub} already holds its ${capacity} fellows.`, { hub, capacity });
  }
}

export class InvalidPlacementInputError extends DomainError {
  constructor(errors: FieldError[]) {
    super('invalid_placement', 'invalid', errors.map((e) => e.message).join(' '), { errors });
  }
}
