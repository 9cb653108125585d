import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { normalizedText } from '@vgbf/core';
import { Transform } from 'class-transformer';
import { IsIn, IsNotEmpty, IsObject, IsOptional, IsString, MaxLength } from 'class-validator';

export const DECISIONS = ['shortlist', 'interviewed', 'reject'] as const;
export type Decision = (typeof DECISIONS)[number];

export class DecisionDto {
  @ApiProperty({ enum: DECISIONS })
  @IsIn(DECISIONS)
  decision: Decision;

  @ApiProperty({ description: 'Why: required, kept in the history and the audit log' })
  @Transform(normalizedText)
  @IsNotEmpty({ message: 'rationale is required' })
  @MaxLength(2000)
  @IsString()
  rationale: string;

  @ApiPropertyOptional({ description: 'With "interviewed": the interview scored on the rubric (code → 1–5)' })
  @IsOptional()
  @IsObject()
  interviewScores?: Record<string, number>;
}

export class DecisionResult {
  @ApiProperty() applicationId: string;
  @ApiProperty() status: string;
  @ApiProperty({ nullable: true, type: Number }) interviewScore: number | null;
}
