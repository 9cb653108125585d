export { COHORT_TRANSITIONS, canTransition } from './cohort-lifecycle';
export { CohortHooks, type CohortCopier, type TransitionBlocker, type TransitionCheck } from './cohort-hooks';
export { CohortsModule } from './cohorts.module';
export { CohortsService } from './cohorts.service';
export {
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
