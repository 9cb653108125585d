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
