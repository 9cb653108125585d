import { DomainError } from '@vgbf/core';

export class UnsubscribeTokenError extends DomainError {
  constructor() {
    super(
      'unsubscribe_token_invalid',
      'invalid',
      'This unsubscribe link is not valid. Use the link of a recent email.',
    );
  }
}

export class OneClickBodyError extends DomainError {
  constructor() {
    const message = 'List-Unsubscribe must be One-Click';
    super('validation_failed', 'invalid', 'Send the body List-Unsubscribe=One-Click (RFC 8058).', {
      errors: [{ field: 'List-Unsubscribe', message }],
    });
  }
}
