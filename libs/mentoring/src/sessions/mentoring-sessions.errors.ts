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
