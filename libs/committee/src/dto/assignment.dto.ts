import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsUUID } from 'class-validator';

export class AutoAssignDto {
  @ApiPropertyOptional({
    default: true,
    description: 'Keep the assignments already made (reviewed ones are always kept); false re-plans the rest',
  })
  @IsOptional()
  @IsBoolean()
  keepExisting?: boolean;
}

export class ManualAssignDto {
  @ApiProperty() @IsUUID() applicationId: string;
  @ApiProperty() @IsUUID() reviewerId: string;
}

export class ReviewerLoad {
  @ApiProperty() reviewerId: string;
  @ApiProperty() reviewerName: string;
  @ApiProperty() load: number;
}

export class ApplicationWithoutConsent {
  @ApiProperty({ format: 'uuid' }) applicationId: string;
  @ApiProperty() applicantName: string;
}

export class AutoAssignResult {
  @ApiProperty({ description: 'Applications in review' }) applications: number;
  @ApiProperty() reviewersPerApplication: number;
  @ApiProperty({ description: 'New assignments made by this run' }) assigned: number;
  @ApiProperty({ description: 'Assignments kept from before' }) kept: number;
  @ApiProperty({ description: 'Largest minus smallest reviewer load' }) imbalance: number;
  @ApiProperty({ description: 'Assignments whose reviewer does not list the application’s sector' })
  sectorMismatches: number;
  @ApiProperty({
    type: [ApplicationWithoutConsent],
    description:
      "Applications left out because their applicant's consent to sharing with reviewers does not stand (their unreviewed assignments are removed)",
  })
  withoutReviewConsent: ApplicationWithoutConsent[];
  @ApiProperty({ type: [ReviewerLoad] }) loads: ReviewerLoad[];
}

export class AssignmentView {
  @ApiProperty() id: string;
  @ApiProperty() applicationId: string;
  @ApiProperty({ nullable: true, type: String }) applicantName: string | null;
  @ApiProperty() reviewerId: string;
  @ApiProperty() reviewerName: string;
  @ApiProperty({ enum: ['auto', 'manual'] }) source: 'auto' | 'manual';
  @ApiProperty() reviewed: boolean;
  @ApiProperty() createdAt: string;
}

export class CohortQuery {
  @ApiProperty() @IsUUID() cohortId: string;
}
