import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsObject, IsString, MaxLength } from 'class-validator';
import { RECOMMENDATIONS, type Recommendation } from '../entities/review.entity';
import { RubricDto } from './round.dto';

export class SubmitReviewDto {
  @ApiProperty({ description: 'Criterion code → whole score 1–5, every criterion', example: { esg_mindset: 4 } })
  @IsObject()
  scores: Record<string, number>;

  @ApiProperty({ maxLength: 5000 })
  @IsNotEmpty()
  @MaxLength(5000)
  @IsString()
  comment: string;

  @ApiProperty({ enum: RECOMMENDATIONS })
  @IsIn(RECOMMENDATIONS)
  recommendation: Recommendation;
}

export class ReviewView {
  @ApiProperty({ example: { esg_mindset: 4 } }) scores: Record<string, number>;
  @ApiProperty() comment: string;
  @ApiProperty({ enum: RECOMMENDATIONS }) recommendation: Recommendation;
  @ApiProperty({ description: 'The weighted mean on the 1–5 scale' }) weightedScore: number;
  @ApiProperty() submittedAt: string;
  @ApiProperty() updatedAt: string;
}

export class MyAssignment {
  @ApiProperty() assignmentId: string;
  @ApiProperty() applicationId: string;
  @ApiProperty() cohortId: string;
  @ApiProperty({ description: 'A neutral reference for the reviewer (from the assignment, never the applicant)' })
  reference: string;
  @ApiProperty({ nullable: true, type: String }) sector: string | null;
  @ApiProperty({ type: [String] }) hubPreferences: string[];
  @ApiProperty() reviewed: boolean;
  @ApiPropertyOptional({ nullable: true, type: String }) reviewDeadline: string | null;
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
