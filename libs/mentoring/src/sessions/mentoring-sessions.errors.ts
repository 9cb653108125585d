import { DomainError, type FieldError } from '@vgbf/core';

/** Input that passed the DTO but breaks a rule of the session (a date out of range, "other" without a topic). */
export class SessionInputError extends DomainError {
  constructor(errors: FieldError[]) {
    super('session_invalid', 'invalid', errors.map((e) => e.message).join(' '), { errors });
  }
}

export class SessionConfirmedError extends DomainError {
  constructor() {
    super('session_confirmed', 'conflict', 'The fellow has confirmed this session: it can no longer change.');
  }
}

export class PairingEndedError extends DomainError {
  constructor() {
    super('pairing_ended', 'conflict', 'This pair has ended: its sessions and feedback can no longer be changed.');
  }
}

export class PlannedSessionNotFoundError extends DomainError {
  constructor(id: string) {
    super('planned_session_not_found', 'not_found', `Planned session ${id} was not found.`);
  }
}

/** A cancelled or already logged planned session stays as it is. */
export class PlannedSessionClosedError extends DomainError {
  constructor(status: string) {
    super('planned_session_closed', 'conflict', `This session is ${status}: it can no longer change.`, {
      plannedStatus: status,
    });
  }
}
