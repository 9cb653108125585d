// Pure optimisation: plain data in, plain data out. No Nest, no TypeORM, no I/O (lint enforces it),
// so every solver can be property-tested against an independent one and benchmarked on its own.

// Reviewer assignment (issue 5): exact min-cost flow, with an LP lower bound for the benchmark.
export {
  assignReviewers,
  AssignmentInputError,
  type AssignedPair,
  type AssignmentInput,
  type AssignmentObjective,
  type AssignmentPair,
  type AssignmentResult,
  type AssignmentShortfall,
} from './assignment';
export { assignmentLowerBound, type AssignmentBound } from './assignment-lower-bound';
export { generateAssignmentInput, type AssignmentInstanceOptions } from './assignment-instance';

// Selection under quotas (issue 5): an exact integer program (HiGHS), prices, clashes, replacements.
export { selectCohort, replacementFor } from './selection';
export { SelectionInputError } from './selection-problem';
export { generateSelectionInput, type SelectionInstanceOptions } from './selection-instance';
export {
  HUBS_CONSTRAINT,
  PINNED_IN_CONSTRAINT,
  PINNED_OUT_CONSTRAINT,
  SIZE_CONSTRAINT,
  type ConstraintPrice,
  type SelectedCandidate,
  type SelectionCandidate,
  type SelectionInput,
  type SelectionResult,
  type ShareAttribute,
  type ShareConstraint,
} from './selection.types';

// Fellows abroad (issue 6): hub placement by exact min-cost flow, with explanations.
export { placeFellows } from './placement';
export { generatePlacementInput, type PlacementInstanceOptions } from './placement-instance';
export {
  PlacementInputError,
  type NotHigherReason,
  type Placement,
  type PlacementFellow,
  type PlacementHub,
  type PlacementInfeasibility,
  type PlacementInput,
  type PlacementResult,
} from './placement.types';
export { EXPERTISE_AREAS, FELLOWSHIP_HUBS, SECTORS, type ExpertiseArea } from './fellowship-data';

// Fellows abroad (issue 6): mentor matching, the fairness floor first, then the total.
export { matchMentors } from './matching';
export { compatibility, normaliseName } from './compatibility';
export { DEFAULT_MATCHING_WEIGHTS, generateMatchingInput, type MatchingInstanceOptions } from './matching-instance';
export {
  MatchingInputError,
  type Compatibility,
  type MatchedPair,
  type MatchingFellow,
  type MatchingHub,
  type MatchingInfeasibility,
  type MatchingInput,
  type MatchingMentor,
  type MatchingPairRef,
  type MatchingResult,
  type MatchingWeights,
  type MatchReason,
  type PairObstacle,
} from './matching.types';
