export { COHORT_TRANSITIONS, canTransition } from './cohort-lifecycle';
export { CohortHooks, type CohortCopier, type TransitionBlocker, type TransitionCheck } from './cohort-hooks';
export { CohortsModule } from './cohorts.module';
export { CohortsService } from './cohorts.service';
export {
  CHECKPOINT_ANCHORS,
  QUESTION_KINDS,
  type CheckpointAnchor,
  type CheckpointText,
  type FeedbackCheckpoint,
  type FeedbackQuestion,
  type QuestionKind,
  parseFeedbackCheckpoints,
} from './feedback/checkpoint-rules';
export { FeedbackCheckpointsService } from './feedback/feedback-checkpoints.service';
export {
  COHORT_DATES,
  CohortView,
  CreateCohortDto,
  EligibilityPreviewDto,
  EligibilityPreviewView,
  eligibilityRuleErrors,
  HubDto,
  HubView,
} from './dto/cohort.dto';
export {
  COHORT_STATUSES,
  Cohort,
  ELIGIBILITY_RULE_CODES,
  TRACK_MONTHS,
  type CohortStatus,
  type EligibilityRule,
} from './entities/cohort.entity';
export { Hub, type LanguageRequirement } from './entities/hub.entity';
export {
  LANGUAGE_SCALES,
  describeScale,
  scoreProblem,
  type LanguageScale,
  type LevelScale,
  type NumericScale,
  type ScaledTest,
} from './language-scales';
export { IsScoreOf } from './dto/score-validator';
