import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { GENDERS, REGIONS, SECTORS } from '@vgbf/applications';
import { PageQuery } from '@vgbf/core';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { BOARD_STATUSES } from '../data-access/board';

export const SCORE_KINDS = ['normalized', 'raw'] as const;
export type ScoreKind = (typeof SCORE_KINDS)[number];

/** The board's filters and page (`?page=1&pageSize=25`, at most 100 rows a page); ranks stay the whole board's. */
export class RankingQuery extends PageQuery {
  @ApiPropertyOptional({ enum: SCORE_KINDS, default: 'normalized', description: 'Which score orders the board' })
  @IsOptional()
  @IsIn(SCORE_KINDS)
  score: ScoreKind = 'normalized';

  @ApiPropertyOptional({ example: 'JP' }) @IsOptional() @Matches(/^[A-Z]{2,4}$/) hub?: string;
  @ApiPropertyOptional({ enum: REGIONS }) @IsOptional() @IsIn(REGIONS) region?: (typeof REGIONS)[number];
  @ApiPropertyOptional({ enum: SECTORS }) @IsOptional() @IsIn(SECTORS) sector?: (typeof SECTORS)[number];
  @ApiPropertyOptional({ enum: GENDERS }) @IsOptional() @IsIn(GENDERS) gender?: (typeof GENDERS)[number];
  @ApiPropertyOptional({ enum: BOARD_STATUSES })
  @IsOptional()
  @IsIn(BOARD_STATUSES)
  status?: (typeof BOARD_STATUSES)[number];
}

/** The filters of the board, without its page. */
export type BoardFilters = Pick<RankingQuery, 'hub' | 'region' | 'sector' | 'gender' | 'status'>;

export class InterviewSummary {
  @ApiProperty({ description: "The interview's weighted mean on the round's rubric (1–5)" }) score: number;
  @ApiProperty({ example: { esg_mindset: 4 }, description: 'Score per rubric criterion (1–5)' })
  scores: Record<string, number>;
  @ApiProperty() recordedAt: string;
}

export class RankingRow {
  @ApiProperty() rank: number;
  @ApiProperty() applicationId: string;
  @ApiProperty({ nullable: true, type: String }) fullName: string | null;
  @ApiProperty({ nullable: true, type: String }) enterpriseName: string | null;
  @ApiProperty({ nullable: true, type: String }) sector: string | null;
  @ApiProperty({ nullable: true, type: String }) region: string | null;
  @ApiProperty({ nullable: true, type: String }) gender: string | null;
  @ApiProperty({ type: [String] }) hubPreferences: string[];
  @ApiProperty() status: string;
  @ApiProperty({ nullable: true, type: Number, description: 'Mean of the reviews’ weighted means (1–5)' })
  rawScore: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Mean after per-reviewer z-score normalization (1–5)' })
  normalizedScore: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Largest minus smallest normalized review score' })
  spread: number | null;
  @ApiProperty({ description: 'spread above the round’s disagreement gap' }) disagreement: boolean;
  @ApiProperty() reviewsDone: number;
  @ApiProperty() reviewsExpected: number;
  @ApiProperty({ nullable: true, type: InterviewSummary, description: 'The interview, once its scores are recorded' })
  interview: InterviewSummary | null;
}

export class ReviewBreakdown {
  @ApiProperty() reviewerId: string;
  @ApiProperty() reviewerName: string;
  @ApiProperty({ example: { esg_mindset: 4 } }) scores: Record<string, number>;
  @ApiProperty() weightedScore: number;
  @ApiProperty() normalizedScore: number;
  @ApiProperty() recommendation: string;
  @ApiProperty() comment: string;
  @ApiProperty() updatedAt: string;
}

export class ApplicationBreakdown {
  @ApiProperty({ type: RankingRow }) row: RankingRow;
  @ApiProperty({ type: [ReviewBreakdown] }) reviews: ReviewBreakdown[];
}
