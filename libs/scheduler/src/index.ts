export { SCHEDULED_RUN_OUTCOMES, ScheduledJobRun, type ScheduledRunOutcome } from './entities/scheduled-job-run.entity';
export {
  SCHEDULE_TIME_ZONE,
  SchedulerDefinitionError,
  buildRegistry,
  isCronPattern,
  periodOf,
  type ScheduledJob,
  type ScheduledJobDeclaration,
  type ScheduledJobHandler,
  type ScheduledJobOptions,
  type ScheduledRun,
} from './scheduled-job';
export { ScheduledJobRunner, type ScheduledRunStatus } from './scheduled-job-runner';
export { Scheduled } from './scheduled.decorator';
export { SchedulerModule } from './scheduler.module';
export { SchedulerRegistry } from './scheduler-registry';
