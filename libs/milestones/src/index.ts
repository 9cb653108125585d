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
export { MilestoneReminder } from './entities/milestone-reminder.entity';
