import { DomainError } from '@vgbf/core';

export class FellowDatesError extends DomainError {
  constructor(startDate: string, endDate: string) {
    super(
      'fellow_dates_invalid',
      'invalid',
      `The programme year must end after it starts (${startDate} → ${endDate}).`,
      {
        errors: [{ field: 'endDate', message: 'endDate must be after startDate' }],
      },
    );
  }
}
