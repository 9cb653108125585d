export { MentoringModule, MENTORING_ENTITIES } from './mentoring.module';
export { MentorProfile } from './entities/mentor-profile.entity';
export { MentorConflict } from './entities/mentor-conflict.entity';
export {
  MatchingConstraint,
  PAIR_CONSTRAINT_KINDS,
  type PairConstraintKind,
} from './entities/matching-constraint.entity';
export { MatchingRun, MATCHING_RUN_STATUSES, type MatchingRunStatus } from './entities/matching-run.entity';
export { Pairing, PAIRING_STATUSES, type PairingStatus } from './entities/pairing.entity';
export { RematchRequest, REMATCH_STATUSES, type RematchStatus } from './entities/rematch-request.entity';
export {
  MentoringSession,
  SESSION_MODES,
  type SessionMode,
  type ActionItem,
} from './entities/mentoring-session.entity';
export { FeedbackAnswer, FEEDBACK_AUTHOR_ROLES, type FeedbackAuthorRole } from './entities/feedback-answer.entity';
export {
  MentoringReminder,
  MENTORING_REMINDER_KINDS,
  type MentoringReminderKind,
} from './entities/mentoring-reminder.entity';
export { CalendarFeed } from './entities/calendar-feed.entity';
