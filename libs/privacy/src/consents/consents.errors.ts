import { DomainError } from '@vgbf/core';
import type { Purpose } from '@vgbf/personal-data';

/** A processing needs a consent the person has not given, has withdrawn, or gave under a superseded notice. */
export class ConsentMissingError extends DomainError {
  constructor(purpose: Purpose) {
    super(
      'consent_missing',
      'conflict',
      `This needs the person's consent to the purpose "${purpose}", which does not stand.`,
      {
        purpose,
      },
    );
  }
}
