import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import {
  REPORT_FORMATS,
  REPORT_JOB_STATUSES,
  REPORT_KINDS,
  type ReportFormat,
  type ReportJobStatus,
  type ReportKind,
} from '../entities/report-job.entity';

export class RequestReportDto {
  @ApiProperty({ enum: REPORT_KINDS })
  @IsIn(REPORT_KINDS)
  kind: ReportKind;

  @ApiProperty({ enum: REPORT_FORMATS })
  @IsIn(REPORT_FORMATS)
  format: ReportFormat;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  cohortId: string;
}

/** The report list of one cohort (the dashboard shows only the cohort it is on). */
export class ReportListQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only this cohort’s reports' })
  @IsOptional()
  @IsUUID()
  cohortId?: string;
}

export class ReportJobView {
  @ApiProperty() id: string;
  @ApiProperty({ enum: REPORT_KINDS }) kind: ReportKind;
  @ApiProperty({ enum: REPORT_FORMATS }) format: ReportFormat;
  @ApiProperty({ nullable: true, type: String }) cohortId: string | null;
  @ApiProperty({ enum: REPORT_JOB_STATUSES }) status: ReportJobStatus;
  @ApiProperty({ description: '0–100' }) progress: number;
  @ApiProperty({ nullable: true, type: Number }) rows: number | null;
  @ApiProperty({ nullable: true, type: String }) filename: string | null;
  @ApiProperty({ nullable: true, type: String }) error: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty({ nullable: true, type: String }) finishedAt: string | null;
}
