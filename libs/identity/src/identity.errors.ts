import { DomainError } from '@vgbf/core';

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
  constructor(message: string) {
    super('weak_password', 'invalid', message, { errors: [{ field: 'password', message }] });
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
