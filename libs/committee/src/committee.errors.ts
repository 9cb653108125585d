import { DomainError, type FieldError } from '@vgbf/core';

export class RubricLockedError extends DomainError {
  constructor() {
    super('rubric_locked', 'conflict', 'The rubric can no longer change: reviews have been submitted on it.');
  }
}

export class InvalidRubricError extends DomainError {
  constructor(errors: FieldError[]) {
    super('invalid_rubric', 'invalid', errors.map((e) => e.message).join(' '), { errors });
  }
}

export class RoundNotOpenError extends DomainError {
  constructor(status: string) {
    super('review_round_not_open', 'conflict', `The cohort is ${status}: reviewing happens while it is reviewing.`);
  }
}

export class ReviewClosedError extends DomainError {
  constructor(deadline: string) {
    super('review_closed', 'conflict', `The review round closed at ${deadline}; reviews can no longer change.`);
  }
}

export class ConflictedPairError extends DomainError {
  constructor() {
    super('conflicted_pair', 'conflict', 'This reviewer has a conflict with this application.');
  }
}

export class AlreadyAssignedError extends DomainError {
  constructor() {
    super('already_assigned', 'conflict', 'This reviewer is already assigned to this application.');
  }
}

export class NotAReviewerError extends DomainError {
  constructor() {
    super('not_a_reviewer', 'invalid', 'This user does not have the reviewer role.', {
      errors: [{ field: 'reviewerId', message: 'reviewerId must be a user with the reviewer role' }],
    });
  }
}

export class NotUnderReviewError extends DomainError {
  constructor(status: string) {
    super('not_under_review', 'conflict', `An application that is ${status} is not in review.`);
  }
}

export class AssignmentReviewedError extends DomainError {
  constructor() {
    super('assignment_reviewed', 'conflict', 'This reviewer has already reviewed the application; the review stays.');
  }
}

export class InvalidScoresError extends DomainError {
  constructor(errors: FieldError[]) {
    super('invalid_scores', 'invalid', 'The scores do not match the rubric.', { errors });
  }
}

export class AssignmentInfeasibleError extends DomainError {
  constructor(shortfalls: Array<{ applicationId: string; available: number; needed: number }>) {
    super(
      'assignment_infeasible',
      'unprocessable',
      `${shortfalls.length} application(s) cannot get enough reviewers without a conflict: add reviewers or lower the number per application.`,
      { shortfalls },
    );
  }
}

export class ReviewAlreadySubmittedError extends DomainError {
  constructor() {
    super('review_already_submitted', 'conflict', 'This review is finished; revise it instead of saving a draft.');
  }
}
