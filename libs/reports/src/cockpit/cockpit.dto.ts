import { ApiProperty } from '@nestjs/swagger';
import { COHORT_STATUSES, type CohortStatus } from '@vgbf/cohorts';

export class OverdueReviewerView {
  @ApiProperty() reviewerId: string;
  @ApiProperty() fullName: string;
  @ApiProperty({ description: 'Assignments without a review past the deadline' }) count: number;
}

export class AttentionView {
  @ApiProperty({ description: 'Submitted, not yet taken into review' }) applicationsToCheck: number;
  @ApiProperty({ description: 'Assignments without a review past the round’s deadline' }) reviewsOverdue: number;
  @ApiProperty({ type: [OverdueReviewerView] }) overdueReviewers: OverdueReviewerView[];
  @ApiProperty({ description: 'Reviewer conflicts not yet decided' }) conflictsToDecide: number;
  @ApiProperty({ description: 'Pending offers whose deadline falls within 48 hours' }) offersExpiring: number;
  @ApiProperty({ description: 'Active fellows without a hub' }) placementsUnconfirmed: number;
  @ApiProperty({ description: 'Active pairs without a session for 30 days' }) pairsSilent: number;
  @ApiProperty({ description: 'Evidence waiting for a staff decision' }) evidenceWaiting: number;
  @ApiProperty({ description: 'At-risk flags no one has acknowledged' }) atRiskUnacknowledged: number;
  @ApiProperty({ description: 'The caller’s reports finished in the last 7 days' }) reportsReady: number;
}

export class CockpitCohortView {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty() year: number;
  @ApiProperty({ enum: COHORT_STATUSES }) status: CohortStatus;
  @ApiProperty() applicationOpensAt: string;
  @ApiProperty() applicationClosesAt: string;
  @ApiProperty({ nullable: true, type: String }) reviewDeadline: string | null;
  @ApiProperty({ example: '2027-09-01' }) programmeStart: string;
  @ApiProperty({ example: '2028-05-31' }) programmeEnd: string;
  @ApiProperty({ type: AttentionView }) attention: AttentionView;
}

export class CockpitView {
  @ApiProperty() now: string;
  @ApiProperty({ type: [CockpitCohortView], description: 'Newest cohort first' }) cohorts: CockpitCohortView[];
}
