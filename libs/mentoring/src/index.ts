export { MentoringModule, MENTORING_ENTITIES } from './mentoring.module';
export { MentorProfile } from './entities/mentor-profile.entity';
export { MentorConflict } from './entities/mentor-conflict.entity';
export { MentorsModule } from './mentors/mentors.module';
export { MentorsService } from './mentors/mentors.service';
export { MentorConflictsService } from './mentors/mentor-conflicts.service';
export { MentorView, MentorConflictView } from './mentors/dto/mentor.dto';
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
export { PlannedSession, PLANNED_SESSION_STATUSES, type PlannedSessionStatus } from './entities/planned-session.entity';
export { FeedbackAnswer, FEEDBACK_AUTHOR_ROLES, type FeedbackAuthorRole } from './entities/feedback-answer.entity';
export { CalendarFeed } from './entities/calendar-feed.entity';
export { MentoringSessionsModule } from './sessions/mentoring-sessions.module';
export { MentoringSessionsService } from './sessions/mentoring-sessions.service';
export { PairsService } from './sessions/pairs.service';
export { SESSION_TOPICS, type SessionTopic } from './sessions/session-topics';
export { SessionView } from './sessions/session.dto';
export { PlannedSessionView } from './sessions/planned-session.dto';
export { PairView, PairStatsView, CohortPairsView, MyPairsView, PairActivityView } from './sessions/pair.dto';
export { FeedbackModule } from './feedback/feedback.module';
export { FeedbackService } from './feedback/feedback.service';
export {
  type FeedbackConfig,
  type FeedbackCheckpoint,
  answerErrors,
  checkpointWindow,
  parseFeedbackConfig,
} from './feedback/feedback-forms';
export { utcOffsetMinutes } from './matching/time-zones';
export { CalendarModule } from './calendar/calendar.module';
export { type CalendarEntry, type CalendarSource } from './calendar/calendar-entry';
export { MentoringJobsModule } from './mentoring-jobs.module';
export {
  INACTIVE_CHAIN,
  InactiveMentorReminders,
  MENTORING_FAMILIES,
  MENTORING_REMINDER_KINDS,
  type MentoringReminderKind,
  UNCONFIRMED_CHAIN,
  UPCOMING_CHAIN,
  UnconfirmedSessionReminders,
  UpcomingSessionReminders,
} from './reminders/mentoring-reminders';
export { SessionSecretsRotation } from './sessions/session-secrets.rotation';
