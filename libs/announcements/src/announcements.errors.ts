import { DomainError } from '@vgbf/core';

export class NoRecipientsError extends DomainError {
  constructor(audience: string) {
    super('announcement_without_recipients', 'conflict', `This cohort has no ${audience} to write to.`, { audience });
  }
}
