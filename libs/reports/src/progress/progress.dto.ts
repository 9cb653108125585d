import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageOf, PageQuery, normalizedText } from '@vgbf/core';
import { Transform } from 'class-transformer';
import { IsIn, IsString, Length } from 'class-validator';
import { AT_RISK_RULES, type AtRiskRule } from './at-risk-rules';

export class AcknowledgeDto {
  @ApiProperty({ enum: AT_RISK_RULES })
  @IsIn(AT_RISK_RULES)
  rule: AtRiskRule;

  @ApiProperty({ description: 'What staff do about it', minLength: 1, maxLength: 2000 })
  @Transform(normalizedText)
  @IsString()
  @Length(1, 2000)
  note: string;
}

export class AcknowledgementView {
  @ApiProperty() note: string;
  @ApiProperty() acknowledgedBy: string;
  @ApiProperty() acknowledgedAt: string;
}

export class FlagView {
  @ApiProperty({ enum: AT_RISK_RULES }) rule: AtRiskRule;
  @ApiProperty({ description: 'Why: the milestones, days, ratings or answers behind the flag', type: 'array', items: { type: 'object' } })
  reasons: Array<Record<string, unknown>>;
  @ApiPropertyOptional({ type: AcknowledgementView, nullable: true }) acknowledgement: AcknowledgementView | null;
}

export class MilestoneProgressView {
  @ApiProperty() total: number;
  @ApiProperty({ description: 'Due by today (waived left out)' }) dueToDate: number;
  @ApiProperty({ description: 'Of those due by today, approved' }) approvedOfDue: number;
  @ApiProperty() approved: number;
  @ApiProperty() overdue: number;
  @ApiProperty({ nullable: true, type: Number, description: 'approvedOfDue / dueToDate, %' }) percentApproved: number | null;
}

export class SessionProgressView {
  @ApiProperty() confirmed: number;
  @ApiProperty({ nullable: true, type: String }) lastConfirmedAt: string | null;
  @ApiProperty({ nullable: true, type: Number }) daysSinceLastConfirmed: number | null;
  @ApiProperty({ nullable: true, type: Number }) averageRating: number | null;
}

export class FellowProgressView {
  @ApiProperty() fellowId: string;
  @ApiProperty() fullName: string;
  @ApiProperty({ nullable: true, type: String }) hub: string | null;
  @ApiProperty({ type: MilestoneProgressView }) milestones: MilestoneProgressView;
  @ApiProperty({ type: SessionProgressView }) sessions: SessionProgressView;
  @ApiProperty({ description: 'Each side’s latest checkpoint answers, by author role', type: 'object', additionalProperties: true })
  latestFeedback: Record<string, unknown>;
  @ApiProperty({ type: [FlagView] }) flags: FlagView[];
}

/** `?page=1&pageSize=25` (at most 100 a page): fellows by name. */
export class ProgressPageQuery extends PageQuery {}

export class ProgressSummaryView {
  @ApiProperty({ description: 'Fellows in the cohort (not withdrawn)' }) fellows: number;
  @ApiProperty({ description: 'Of those, with at least one at-risk flag' }) atRisk: number;
  @ApiProperty({ description: 'Milestones due by today, all fellows (waived left out)' }) dueToDate: number;
  @ApiProperty({ description: 'Of those, approved' }) approvedOfDue: number;
  @ApiProperty({ nullable: true, type: Number, description: 'approvedOfDue / dueToDate, %' }) percentApproved: number | null;
  @ApiProperty() overdue: number;
  @ApiProperty() confirmedSessions: number;
}

/** One page of the cohort's fellows (`items`, `meta`), with the figures of the whole cohort. */
export class CohortProgressView extends PageOf(FellowProgressView) {
  @ApiProperty({ description: 'The calendar day (Asia/Ho_Chi_Minh) the figures are computed for' }) today: string;
  @ApiProperty({ type: ProgressSummaryView, description: 'Over the whole cohort, not only this page' })
  summary: ProgressSummaryView;
}

export class AtRiskFellowView {
  @ApiProperty() fellowId: string;
  @ApiProperty() fullName: string;
  @ApiProperty({ nullable: true, type: String }) hub: string | null;
  @ApiProperty({ type: [FlagView] }) flags: FlagView[];
}

/** `?page=1&pageSize=25` (at most 100 a page): the fellows with at least one flag, by name. */
export class AtRiskPageQuery extends PageQuery {}

/** One page of the cohort's fellows with at least one flag (`items`, `meta`: `total` counts them all). */
export class AtRiskView extends PageOf(AtRiskFellowView) {
  @ApiProperty({ description: 'The calendar day (Asia/Ho_Chi_Minh) the flags are computed for' }) today: string;
}
