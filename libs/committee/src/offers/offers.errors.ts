import { DomainError } from '@vgbf/core';

export class OfferNotPendingError extends DomainError {
  constructor(status: string) {
    super('offer_not_pending', 'conflict', `This offer is ${status}: it can no longer be answered.`, {
      offerStatus: status,
    });
  }
}

export class OfferExpiredError extends DomainError {
  constructor(expiresAt: Date) {
    super('offer_expired', 'conflict', `This offer expired at ${expiresAt.toISOString()}.`);
  }
}
