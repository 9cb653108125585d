import { DomainError, type FieldError, formatInProgramZone } from '@vgbf/core';

export class ApplicationExistsError extends DomainError {
  constructor(id: string) {
    super('application_exists', 'conflict', 'You already have an application to this cohort.', { applicationId: id });
  }
}

export class CohortNotOpenError extends DomainError {
  constructor(cohortStatus?: string) {
    super(
      'cohort_not_open',
      'conflict',
      cohortStatus && cohortStatus !== 'open'
        ? `This cohort is ${cohortStatus} and no longer takes applications or changes to drafts; program staff may reopen a single application.`
        : 'This cohort is not taking applications now.',
      cohortStatus ? { cohortStatus } : {},
    );
  }
}

export class DeadlinePassedError extends DomainError {
  constructor(deadline: Date) {
    super(
      'deadline_passed',
      'conflict',
      `The application window closed at ${formatInProgramZone(deadline)}; applications can no longer change.`,
      { deadline: deadline.toISOString(), closedAt: formatInProgramZone(deadline) },
    );
  }
}

export class NotEditableError extends DomainError {
  constructor(status: string) {
    super('application_not_editable', 'conflict', `An application that is ${status} can no longer be edited.`);
  }
}

/** Several fields of a section refused at once (400), e.g. the same referee twice. */
export class InvalidFieldsError extends DomainError {
  constructor(errors: FieldError[]) {
    super('invalid_section', 'invalid', errors.map((e) => e.message).join(' '), { errors });
  }
}

/** What the draft holds but a submission refuses (an essay over its limit, a referee who is the applicant). */
export class InvalidApplicationError extends DomainError {
  constructor(errors: FieldError[]) {
    super('application_invalid', 'unprocessable', 'Some answers must be corrected before submitting.', { errors });
  }
}

/** Reopening is for a draft whose cohort stopped taking submissions; anything else has nothing to reopen. */
export class NothingToReopenError extends DomainError {
  constructor(status: string) {
    super(
      'nothing_to_reopen',
      'conflict',
      `Only a draft can have its submission reopened; this application is ${status}.`,
      { applicationStatus: status },
    );
  }
}

export class InvalidSectionError extends DomainError {
  constructor(field: string, message: string, code?: string) {
    super('invalid_section', 'invalid', message, { errors: [{ field, message, ...(code ? { code } : {}) }] });
  }
}

export class IncompleteApplicationError extends DomainError {
  constructor(missing: string[]) {
    super('application_incomplete', 'unprocessable', 'Some required fields are still empty.', {
      errors: missing.map((field) => ({ field, message: `${field} is required to submit` })),
    });
  }
}

export class NotEligibleError extends DomainError {
  constructor(failed: Array<{ code: string; reason: string; params: Record<string, unknown> }>) {
    super('not_eligible', 'unprocessable', failed.map((f) => f.reason).join(' '), { rules: failed });
  }
}

export class AlreadySubmittedError extends DomainError {
  constructor() {
    super('already_submitted', 'conflict', 'This application was already submitted.');
  }
}

export class IllegalApplicationTransitionError extends DomainError {
  constructor(from: string, to: string) {
    super('illegal_application_transition', 'conflict', `An application that is ${from} cannot become ${to}.`, {
      from,
      to,
    });
  }
}

export class TooManyDocumentsError extends DomainError {
  constructor(kind: string, max: number) {
    super('too_many_documents', 'conflict', `An application holds at most ${max} documents of kind ${kind}.`, {
      kind,
      max,
    });
  }
}

// The PDF check, the reading of an upload and their errors are storage's (milestone evidence uses them too).
export {
  DocumentTooLargeError,
  EncryptedPdfError,
  FileRequiredError,
  NotPdfError,
  UnexpectedPartError,
} from '@vgbf/storage';

export class NotSubmittedError extends DomainError {
  constructor() {
    super('application_not_submitted', 'conflict', 'A draft has no PDF yet: submit the application first.');
  }
}
