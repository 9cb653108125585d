import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@vgbf/audit';
import { OutboxModule } from '@vgbf/outbox';
import { StorageModule } from '@vgbf/storage';
import { CockpitController } from './cockpit/cockpit.controller';
import { CockpitService } from './cockpit/cockpit.service';
import { DashboardController } from './dashboard/dashboard.controller';
import { DashboardService } from './dashboard/dashboard.service';
import { AtRiskAcknowledgement } from './entities/at-risk-acknowledgement.entity';
import { ReportJob } from './entities/report-job.entity';
import { ProgressQuery } from './progress/progress-query';
import { ProgressController } from './progress/progress.controller';
import { ProgressService } from './progress/progress.service';
import { reportsConfigProvider } from './progress/reports-config';
import { ReportJobsController } from './report-jobs/report-jobs.controller';
import { ReportJobsService } from './report-jobs/report-jobs.service';
import { ReportsHolder } from './personal-data/reports.holder';

export const REPORT_ENTITIES = [AtRiskAcknowledgement, ReportJob];

/**
 * Read models in SQL: progress, at-risk, the cohort dashboard, the staff cockpit, on-demand reports (the API side).
 * Other modules' data is read only through the views they define (data-access/), never their services or tables.
 */
@Module({
  imports: [TypeOrmModule.forFeature(REPORT_ENTITIES), AuditModule, OutboxModule, StorageModule],
  controllers: [ProgressController, DashboardController, ReportJobsController, CockpitController],
  providers: [
    ReportsHolder,reportsConfigProvider, ProgressQuery, ProgressService, DashboardService, ReportJobsService, CockpitService],
  exports: [ProgressQuery],
})
export class ReportsModule {}
