export { ReportsModule, REPORT_ENTITIES } from './reports.module';
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
