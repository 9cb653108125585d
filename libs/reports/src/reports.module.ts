import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AtRiskAcknowledgement } from './entities/at-risk-acknowledgement.entity';
import { ReportJob } from './entities/report-job.entity';

export const REPORT_ENTITIES = [AtRiskAcknowledgement, ReportJob];

/** Read models in SQL: progress, at-risk, the cohort dashboard, weekly and on-demand reports. */
@Module({
  imports: [TypeOrmModule.forFeature(REPORT_ENTITIES)],
})
export class ReportsModule {}
