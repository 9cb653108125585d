import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsObject, IsOptional, IsString, MaxLength, ValidateIf } from 'class-validator';
import { RECOMMENDATIONS, type Recommendation } from '../entities/review.entity';
import { RubricDto } from './round.dto';

export const REVIEW_STATUSES = ['draft', 'submitted'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

const finishing = (o: SubmitReviewDto): boolean => o.status !== 'draft';

export class SubmitReviewDto {
  @ApiPropertyOptional({
    enum: REVIEW_STATUSES,
    default: 'submitted',
    description: 'draft: some scores, comment and recommendation optional; counted nowhere until submitted',
  })
  @IsOptional()
  @IsIn(REVIEW_STATUSES)
  status?: ReviewStatus;

  @ApiProperty({
    description: 'Criterion code → whole score 1–5: every criterion to submit, any of them in a draft',
    example: { esg_mindset: 4 },
  })
  @IsObject()
  scores: Record<string, number>;

  @ApiPropertyOptional({ maxLength: 5000, description: 'Required to submit' })
  @ValidateIf((o: SubmitReviewDto) => finishing(o) || o.comment != null)
  @IsNotEmpty()
  @MaxLength(5000)
  @IsString()
  comment?: string;

  @ApiPropertyOptional({ enum: RECOMMENDATIONS, description: 'Required to submit' })
  @ValidateIf((o: SubmitReviewDto) => finishing(o) || o.recommendation != null)
  @IsIn(RECOMMENDATIONS)
  recommendation?: Recommendation;
}

export class ReviewView {
  @ApiProperty({ enum: REVIEW_STATUSES, description: 'Only submitted reviews count on the board and the ranking' })
  status: ReviewStatus;
  @ApiProperty({ example: { esg_mindset: 4 } }) scores: Record<string, number>;
  @ApiProperty() comment: string;
  @ApiProperty({ enum: RECOMMENDATIONS, nullable: true }) recommendation: Recommendation | null;
  @ApiProperty({ description: 'The weighted mean on the 1–5 scale (null for a draft)', nullable: true, type: Number })
  weightedScore: number | null;
  @ApiProperty({ nullable: true, type: String }) submittedAt: string | null;
  @ApiProperty() updatedAt: string;
}

/** A hub by its code and its names, so a reviewer reads "Nhật Bản", not "JP" (or a cohort's own code). */
export class HubName {
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String }) nameVi: string | null;
}

export class MyAssignment {
  @ApiProperty() assignmentId: string;
  @ApiProperty() applicationId: string;
  @ApiProperty() cohortId: string;
  @ApiProperty({ description: 'The cohort’s name (never the applicant’s)' }) cohortName: string;
  @ApiProperty({ description: 'A neutral reference for the reviewer (from the assignment, never the applicant)' })
  reference: string;
  @ApiProperty({ nullable: true, type: String }) sector: string | null;
  @ApiProperty({ type: [String] }) hubPreferences: string[];
  @ApiProperty({ type: [HubName], description: 'The preferred hubs, in order, with their names' }) hubs: HubName[];
  @ApiProperty({ description: 'A finished (submitted) review exists' }) reviewed: boolean;
  @ApiProperty({ description: 'A draft exists and no finished review yet' }) drafted: boolean;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'This assignment’s own round’s deadline' })
  reviewDeadline: string | null;
  @ApiProperty({ description: 'The round takes reviews now (the cohort is reviewing, the deadline not passed)' })
  roundOpen: boolean;
}

/** The enterprise without what names it (its name, tax code): sector, age, size and markets. */
export class BlindEnterprise {
  @ApiProperty({ nullable: true, type: String }) sector: string | null;
  @ApiProperty({ nullable: true, type: Number }) foundingYear: number | null;
  @ApiProperty({ nullable: true, type: String }) employeesBand: string | null;
  @ApiProperty({ nullable: true, type: String }) revenueBand: string | null;
  @ApiProperty({ type: [String] }) exportMarkets: string[];
}

export class BlindEssays {
  @ApiProperty({ nullable: true, type: String }) motivation: string | null;
  @ApiProperty({ nullable: true, type: String }) marketEntryPlan: string | null;
  @ApiProperty({ nullable: true, type: String }) ambassador: string | null;
}

/**
 * What a reviewer sees of an application: the enterprise without its name, region, languages, hub
 * choices and essays, every free text redacted (REDACTED where the applicant, their enterprise,
 * contacts, tax code, website or referees were named). Never the applicant's name, date of birth,
 * gender, contact details, referees or documents. Staff preview the same.
 */
export class BlindApplication {
  @ApiProperty() applicationId: string;
  @ApiProperty({ type: BlindEnterprise }) enterprise: BlindEnterprise;
  @ApiProperty({ nullable: true, type: String }) region: string | null;
  @ApiProperty({ type: Object, description: 'Scores and levels; free text redacted' }) languages: Record<
    string,
    unknown
  >;
  @ApiProperty({ type: [String] }) hubPreferences: string[];
  @ApiProperty({ type: [HubName], description: 'The preferred hubs, in order, with their names' }) hubs: HubName[];
  @ApiProperty({ type: BlindEssays }) essays: BlindEssays;
  @ApiProperty({ description: 'The code standing where identifying text was removed', example: '[redacted]' })
  redactedMarker: string;
}

/** An assignment's blind application beside the rubric and the reviewer's own review. */
export class BlindReviewView extends BlindApplication {
  @ApiProperty() assignmentId: string;
  @ApiProperty() reference: string;
  @ApiProperty({ type: RubricDto }) rubric: RubricDto;
  @ApiProperty({ type: ReviewView, nullable: true }) review: ReviewView | null;
  @ApiProperty({ description: 'False once the round has closed' }) editable: boolean;
  @ApiProperty({ nullable: true, type: String }) reviewDeadline: string | null;
}
