export { PlacementModule, PLACEMENT_ENTITIES } from './placement.module';
export { PlacementConstraint, CONSTRAINT_KINDS, type ConstraintKind } from './entities/placement-constraint.entity';
export { PlacementRun, PLACEMENT_RUN_STATUSES, type PlacementRunStatus } from './entities/placement-run.entity';
export { DEFAULT_RANK_WEIGHTS } from './dto/placement.dto';
