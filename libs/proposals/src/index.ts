export { ProposalsModule } from './proposals.module';
export { type ProposalUse, ProposalWorkflow } from './proposal-workflow';
export { type ProposalRun, ProposalRuns, type ProposalStatus, type ProposalTableSpec } from './proposal-runs';
export { type ConfirmVerdict, type ConfirmationPolicy, confirmVerdict } from './confirmation-gate';
export { fingerprint, isStale } from './fingerprint';
export {
  CONSTRAINT_KINDS,
  type ConstraintKind,
  type LockForbidWords,
  type LockOrForbid,
  type LocksAndForbids,
  constraintRows,
  locksOf,
  validateLocksAndForbids,
} from './locks-and-forbids';
export { ConstraintTable, type ConstraintTableSpec } from './constraint-table';
