export { ReportsModule, REPORT_ENTITIES } from './reports.module';
export { ReportsJobsModule } from './reports-jobs.module';
export { AtRiskAcknowledgement } from './entities/at-risk-acknowledgement.entity';
export {
  ReportJob,
  REPORT_KINDS,
  REPORT_FORMATS,
  REPORT_JOB_STATUSES,
  type ReportKind,
  type ReportFormat,
  type ReportJobStatus,
} from './entities/report-job.entity';
export { AT_RISK_RULES, parseAtRiskConfig, type AtRiskConfig, type AtRiskRule } from './progress/at-risk-rules';
export { progressStatement, type ProgressInput, type ProgressRow } from './data-access/progress';
export { statement as reportStatement } from './data-access/relations';
export { ProgressQuery } from './progress/progress-query';
export { ReportGenerator, type ReportOutcome } from './report-jobs/report-generator';
export { WeeklyReport, isoWeek } from './weekly/weekly-report';
