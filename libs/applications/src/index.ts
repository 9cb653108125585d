export { ApplicationsModule } from './applications.module';
export { ApplicationsService } from './applications.service';
export { missingFields } from './completeness';
export {
  EMPLOYEE_BANDS,
  ENGLISH_TESTS,
  ESSAY_LIMITS,
  GENDERS,
  JLPT_LEVELS,
  REVENUE_BANDS,
  SECTIONS,
  SECTORS,
  type SectionName,
} from './dto/sections.dto';
export { evaluateEligibility, type RuleOutcome } from './eligibility';
export { ApplicationView } from './dto/application.view';
export {
  APPLICATION_STATUSES,
  Application,
  REGIONS,
  type ApplicationStatus,
  type Region,
} from './entities/application.entity';
export { APPLICATION_TRANSITIONS, FINAL_STATUSES, canTransitionApplication } from './application-lifecycle';
export { ApplicationStatusChange } from './entities/application-status-change.entity';
export {
  ApplicationDocument,
  DOCUMENT_KINDS,
  SINGLE_DOCUMENT_KINDS,
  type DocumentKind,
} from './entities/application-document.entity';
export { MAX_PDF_BYTES as MAX_DOCUMENT_BYTES, startsAsPdf } from '@vgbf/storage';
export { SubmissionsService } from './submissions.service';
export {
  DEADLINE_CHAIN,
  DEADLINE_FAMILY,
  DeadlineReminders,
  REMINDER_KINDS,
  type ReminderKind,
} from './deadline-reminders';
export { ApplicationRemindersModule } from './reminders.module';
export { ApplicationTransitions } from './application-transitions';
export { IllegalApplicationTransitionError } from './applications.errors';
export { type ApplicantIdentity, REDACTED, redact, redactDeep } from './redaction';
export { ApplicationEligibilityOverride, ApplicationNote, ApplicationTag } from './notes/application-note.entity';
export { ApplicationMessage } from './messages/application-message.entity';
export {
  type BlindReviewSource,
  type ReviewContent,
  applicantIdentity,
  blindReviewSource,
} from './data-access/review-source';
