import { DomainError } from '@vgbf/core';
import type { PasswordProblem } from './password-policy';

export class EmailTakenError extends DomainError {
  constructor() {
    super('email_taken', 'conflict', 'An account with this email already exists. Log in or reset your password.');
  }
}

export class InvalidCredentialsError extends DomainError {
  constructor() {
    super('invalid_credentials', 'unauthenticated', 'The email or password is not correct.');
  }
}

export class EmailNotVerifiedError extends DomainError {
  constructor() {
    super('email_not_verified', 'forbidden', 'Confirm your email first: open the link we sent you.');
  }
}

export class InvalidTokenError extends DomainError {
  constructor() {
    super('invalid_token', 'invalid', 'This link is invalid, already used or expired. Ask for a new one.', {
      errors: [{ field: 'token', message: 'token is invalid, used or expired' }],
    });
  }
}

export class WeakPasswordError extends DomainError {
  constructor({ message, code, params }: PasswordProblem, field = 'password') {
    super('weak_password', 'invalid', message, { errors: [{ field, message, code, params }] });
  }
}

export class WrongPasswordError extends DomainError {
  constructor() {
    super('wrong_password', 'invalid', 'The current password is not correct.', {
      errors: [{ field: 'currentPassword', message: 'currentPassword is not correct' }],
    });
  }
}

export class TooManyAttemptsError extends DomainError {
  constructor(readonly retryAfterSeconds: number) {
    super('too_many_attempts', 'rate_limited', `Too many attempts. Try again in ${retryAfterSeconds} seconds.`, {
      retryAfterSeconds,
    });
  }
}

export class NotAuthenticatedError extends DomainError {
  constructor() {
    super('not_authenticated', 'unauthenticated', 'Log in to continue.');
  }
}

export class NotAllowedError extends DomainError {
  constructor() {
    super('not_allowed', 'forbidden', 'Your account may not do this.');
  }
}

export class CsrfError extends DomainError {
  constructor() {
    super(
      'csrf_token_missing',
      'forbidden',
      "Send the X-CSRF-Token header with the value of this session's vgbf_csrf cookie.",
    );
  }
}

export class UserNotFoundError extends DomainError {
  constructor() {
    super('user_not_found', 'not_found', 'There is no account with this id.');
  }
}

/** An admin would lock themselves out (remove their own admin role, deactivate themselves). */
export class OwnAccountError extends DomainError {
  constructor(field: string, message: string) {
    super('own_account', 'conflict', message, { errors: [{ field, message }] });
  }
}

export class NoRoleLeftError extends DomainError {
  constructor() {
    super('no_role_left', 'invalid', 'An account keeps at least one role.', {
      errors: [{ field: 'roles', message: 'roles must leave the account at least one role' }],
    });
  }
}

export class InvitationNotPendingError extends DomainError {
  constructor() {
    super(
      'invitation_not_pending',
      'conflict',
      'This account has no pending invitation: it has already set a password, or it is deactivated.',
    );
  }
}
