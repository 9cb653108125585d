import { DomainError, formatInProgramZone } from '@vgbf/core';

export class ApplicationExistsError extends DomainError {
  constructor(id: string) {
    super('application_exists', 'conflict', 'You already have an application to this cohort.', { applicationId: id });
  }
}

export class CohortNotOpenError extends DomainError {
  constructor() {
    super('cohort_not_open', 'conflict', 'This cohort is not taking applications now.');
  }
}

export class DeadlinePassedError extends DomainError {
  constructor(deadline: Date) {
    super(
      'deadline_passed',
      'conflict',
      `The application window closed at ${formatInProgramZone(deadline)}; applications can no longer change.`,
      { deadline: deadline.toISOString() },
    );
  }
}

export class NotEditableError extends DomainError {
  constructor(status: string) {
    super('application_not_editable', 'conflict', `An application that is ${status} can no longer be edited.`);
  }
}

export class InvalidSectionError extends DomainError {
  constructor(field: string, message: string) {
    super('invalid_section', 'invalid', message, { errors: [{ field, message }] });
  }
}
