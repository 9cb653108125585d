export { MilestonesModule, MILESTONE_ENTITIES } from './milestones.module';
export {
  MilestoneTemplate,
  DUE_ANCHORS,
  EVIDENCE_KINDS,
  MILESTONE_REVIEWERS,
  CERTIFICATION_PILLARS,
  type DueAnchor,
  type EvidenceKind,
  type MilestoneReviewer,
  type CertificationPillar,
  type LocalizedText,
} from './entities/milestone-template.entity';
export { Milestone, MILESTONE_STATES, type MilestoneState } from './entities/milestone.entity';
export { MilestoneSubmission } from './entities/milestone-submission.entity';
export { MilestoneReview, REVIEW_DECISIONS, type ReviewDecision } from './entities/milestone-review.entity';
export { MilestoneExtension } from './entities/milestone-extension.entity';
export { MilestoneRemindersModule } from './reminders/reminders.module';
export { MilestoneReminderJobsModule } from './reminders/reminder-jobs.module';
export { MilestoneReminderFamily } from './reminders/milestone-reminder-family';
export {
  CATCH_UP_DAYS,
  MILESTONE_CHAIN,
  MILESTONE_FAMILY,
  MILESTONE_STEPS,
  type MilestoneAudience,
  type MilestoneStep,
} from './reminders/milestone-chain';
// The one definition of a milestone's derived status (upcoming, due soon, overdue…), for every read.
export { DUE_SOON_DAYS, MILESTONE_STATUSES, type MilestoneStatus, milestoneStatus } from './milestone-status';
export { MILESTONE_TRANSITIONS, MILESTONE_EVENTS, type MilestoneEvent } from './milestone-lifecycle';
export { baseDueOn, addMonths, addDays, midpoint, type DueRule, type FellowYear } from './timeline/due-dates';
export { MilestoneReadsService } from './milestone-reads.service';
export { TimelinesService } from './timeline/timelines.service';
