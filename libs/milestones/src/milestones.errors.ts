import { DomainError, type FieldError } from '@vgbf/core';
import type { MilestoneState } from './entities/milestone.entity';

export class MilestoneTransitionError extends DomainError {
  constructor(state: MilestoneState, event: string) {
    super('milestone_state', 'conflict', `A milestone that is ${state.replace('_', ' ')} cannot take "${event}".`, {
      state,
      event,
    });
  }
}

/** Input that passed the DTO but breaks a milestone rule (evidence kinds, template rules). */
export class MilestoneInputError extends DomainError {
  constructor(errors: FieldError[]) {
    super('invalid_milestone_input', 'invalid', errors.map((e) => e.message).join(' '), { errors });
  }
}

export class ProgrammeStartedError extends DomainError {
  constructor(startDate: string) {
    super(
      'programme_started',
      'conflict',
      `The programme started on ${startDate}: its milestone template can no longer change (extend or waive single milestones instead).`,
      { startDate },
    );
  }
}

export class UnknownTrackError extends DomainError {
  constructor(months: number) {
    super('track_without_template', 'conflict', `config/milestones.json has no template for a ${months}-month track.`);
  }
}

/** A fellow never reviews their own milestone, whatever other role they hold. */
export class OwnMilestoneError extends DomainError {
  constructor() {
    super('own_milestone', 'forbidden', 'A fellow cannot review their own milestone.');
  }
}

export class NotReviewerError extends DomainError {
  constructor(reviewer: string) {
    super('not_milestone_reviewer', 'forbidden', `This milestone is reviewed by: ${reviewer}.`, { reviewer });
  }
}

export class AlreadyReviewedError extends DomainError {
  constructor(side: string) {
    super('already_reviewed', 'conflict', `The ${side} side has already decided on this submission.`, { side });
  }
}

/** An extension would move milestones past the fellow's end date: refused unless staff confirm moving it. */
export class ExtensionPastEndDateError extends DomainError {
  constructor(endDate: string, lastDueOn: string, milestones: string[]) {
    super(
      'extension_past_end_date',
      'conflict',
      `This extension would move ${milestones.join(', ')} to ${lastDueOn}, after the fellow's programme ends on ${endDate}. Confirm with moveEndDate to move the end date to ${lastDueOn} as well.`,
      { endDate, lastDueOn, newEndDate: lastDueOn, milestones },
    );
  }
}
