import { DomainError, type FieldError } from '@vgbf/core';

export class FeedbackAnswersError extends DomainError {
  constructor(errors: FieldError[]) {
    super('feedback_invalid', 'invalid', errors.map((e) => e.message).join(' '), { errors });
  }
}

export class FeedbackNotOpenError extends DomainError {
  constructor(checkpoint: string, opensOn: string, closesOn: string) {
    super('feedback_not_open', 'conflict', `Feedback "${checkpoint}" is open from ${opensOn} to ${closesOn}.`, {
      opensOn,
      closesOn,
    });
  }
}

export class FeedbackAlreadyGivenError extends DomainError {
  constructor(checkpoint: string) {
    super('feedback_already_given', 'conflict', `You have already given your "${checkpoint}" feedback.`);
  }
}
