import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OutboxModule } from '@vgbf/outbox';
import { StorageModule } from '@vgbf/storage';
import { AtRiskAcknowledgement } from './entities/at-risk-acknowledgement.entity';
import { ReportJob } from './entities/report-job.entity';
import { ProgressQuery } from './progress/progress-query';
import { reportsConfigProvider } from './progress/reports-config';
import { ReportGenerator } from './report-jobs/report-generator';
import { WeeklyReport } from './weekly/weekly-report';

/** The worker's side of reports: the weekly cohort report (scheduled) and on-demand report files. No controllers. */
@Module({
  imports: [TypeOrmModule.forFeature([AtRiskAcknowledgement, ReportJob]), OutboxModule, StorageModule],
  providers: [reportsConfigProvider, ProgressQuery, ReportGenerator, WeeklyReport],
  exports: [ReportGenerator, WeeklyReport, ProgressQuery],
})
export class ReportsJobsModule {}
