export { CommitteeModule, COMMITTEE_ENTITIES } from './committee.module';
export { CommitteeJobsModule } from './committee-jobs.module';
export { OfferJobs } from './offers/offer-jobs';
export {
  REVIEW_CHAIN,
  REVIEW_FAMILY,
  REVIEW_REMINDER_KINDS,
  ReviewReminders,
  type ReviewReminderKind,
} from './reminders/review-reminders';
export { Offer, OFFER_STATUSES, type OfferStatus } from './offers/offer.entity';
export { WaitlistEntry, WAITLIST_STATUSES, type WaitlistStatus } from './offers/waitlist-entry.entity';
export { SelectionRun, SELECTION_RUN_STATUSES, type SelectionRunStatus } from './selection/selection-run.entity';
export { SELECTION_SCORE_KINDS, type SelectionScoreKind } from './selection/selection.types';
export { RankingService } from './ranking.service';
export { RoundsService } from './rounds.service';
export { SCORE_KINDS, type ScoreKind } from './dto/ranking.dto';
export { ReviewRound } from './entities/review-round.entity';
export { ReviewAssignment } from './entities/review-assignment.entity';
export { Review, RECOMMENDATIONS } from './entities/review.entity';
export { ReviewerConflict } from './entities/reviewer-conflict.entity';
export { ConflictDeclaration } from './entities/conflict-declaration.entity';
export { ReviewerProfile } from './entities/reviewer-profile.entity';
export { Interview } from './entities/interview.entity';
export { type Rubric, type RubricCriterion, weightedMean } from './rubric';
