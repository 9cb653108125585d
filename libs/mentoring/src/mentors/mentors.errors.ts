import { DomainError, type FieldError } from '@vgbf/core';

export class MentorExistsError extends DomainError {
  constructor(userId: string) {
    super('mentor_exists', 'conflict', 'This email already belongs to a mentor; edit their profile instead.', {
      userId,
    });
  }
}

export class MentorDatesError extends DomainError {
  constructor() {
    super('mentor_dates_invalid', 'invalid', 'availableTo must be on or after availableFrom.', {
      errors: [
        {
          field: 'availableTo',
          message: 'availableTo must be on or after availableFrom',
          code: 'validation.on_or_after',
          params: { other: 'availableFrom' },
        },
      ],
    });
  }
}

/** The upload is not a mentor CSV at all (no file, unreadable, wrong header, too many rows). */
export class MentorFileError extends DomainError {
  constructor(errors: FieldError[]) {
    super('invalid_mentor_file', 'invalid', errors.map((e) => e.message).join(' '), { errors });
  }
}

export class MentorFileTooLargeError extends DomainError {
  constructor(maxBytes: number) {
    super('mentor_file_too_large', 'too_large', `The file is larger than ${maxBytes / 1024 / 1024} MB.`, {
      maxBytes,
    });
  }
}

export class NotAMentorError extends DomainError {
  constructor() {
    super('not_a_mentor', 'not_found', 'This user is not a mentor.');
  }
}
