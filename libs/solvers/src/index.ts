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
