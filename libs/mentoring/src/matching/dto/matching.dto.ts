import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { trimmed } from '@vgbf/core';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

export class MatchingWeightsDto {
  @ApiProperty({ minimum: 0, maximum: 100, example: 3, description: 'The fellow’s sector is among the mentor’s' })
  @Min(0)
  @Max(100)
  @IsInt()
  sector: number;

  @ApiProperty({ minimum: 0, maximum: 100, example: 2, description: 'Per wanted expertise the mentor covers' })
  @Min(0)
  @Max(100)
  @IsInt()
  expertise: number;

  @ApiProperty({ minimum: 0, maximum: 100, example: 3, description: 'They share a local language of the hub' })
  @Min(0)
  @Max(100)
  @IsInt()
  localLanguage: number;

  @ApiProperty({ minimum: 0, maximum: 100, example: 2, description: 'The mentor lives in the hub’s city' })
  @Min(0)
  @Max(100)
  @IsInt()
  sameCity: number;

  @ApiProperty({ minimum: 0, maximum: 100, example: 1, description: 'Time zones at most 3 hours apart' })
  @Min(0)
  @Max(100)
  @IsInt()
  nearbyTimezone: number;
}

export class MatchingRequestDto {
  @ApiPropertyOptional({ type: MatchingWeightsDto, description: 'Defaults to the programme’s weights' })
  @IsOptional()
  @ValidateNested()
  @Type(() => MatchingWeightsDto)
  weights?: MatchingWeightsDto;
}

/** A fellow's pair constraints, replaced as a whole: at most one locked mentor, any number forbidden. */
export class PairConstraintsDto {
  @ApiPropertyOptional({ nullable: true, type: String, description: 'The mentor the fellow must have (null: none)' })
  @IsOptional()
  @IsUUID('all', { message: 'lockedMentorId must be a mentor id' })
  lockedMentorId?: string | null;

  @ApiProperty({ type: [String] })
  @ArrayMaxSize(50)
  @ArrayUnique({ message: 'each forbidden mentor may be listed once' })
  @IsUUID('all', { each: true, message: 'each forbidden mentor must be a mentor id' })
  @IsArray()
  forbiddenMentorIds: string[];
}

export class RematchRequestDto {
  @ApiProperty({ example: 'We have no sector in common and meetings keep being cancelled.' })
  @Transform(trimmed)
  @IsNotEmpty({ message: 'reason is required' })
  @MaxLength(1000)
  @IsString()
  reason: string;
}

export const REMATCH_DECISIONS = ['rematch', 'keep'] as const;

export class ResolveRematchDto {
  @ApiProperty({ enum: REMATCH_DECISIONS, description: 'rematch: end the pair (never proposed again); keep: close' })
  @IsIn(REMATCH_DECISIONS)
  decision: (typeof REMATCH_DECISIONS)[number];

  @ApiProperty({ example: 'Agreed with both; a legal mentor suits her plan better.' })
  @Transform(trimmed)
  @IsNotEmpty({ message: 'note is required' })
  @MaxLength(1000)
  @IsString()
  note: string;
}

export class MatchReasonView {
  @ApiProperty({ enum: ['sector', 'expertise', 'language', 'same_city', 'timezone'] }) kind: string;
  @ApiProperty() points: number;
  @ApiPropertyOptional() sector?: string;
  @ApiPropertyOptional({ type: [String] }) areas?: string[];
  @ApiPropertyOptional({ type: [String] }) languages?: string[];
  @ApiPropertyOptional() local?: boolean;
  @ApiPropertyOptional() city?: string;
  @ApiPropertyOptional() hoursApart?: number;
}

export class PersonRef {
  @ApiProperty() id: string;
  @ApiProperty() fullName: string;
}

export class ProposedPairView {
  @ApiProperty({ type: PersonRef }) fellow: PersonRef;
  @ApiProperty({ type: PersonRef }) mentor: PersonRef;
  @ApiProperty({ nullable: true, type: String }) mentorOrganisation: string | null;
  @ApiProperty() score: number;
  @ApiProperty() locked: boolean;
  @ApiProperty({ type: [MatchReasonView] }) reasons: MatchReasonView[];
  @ApiProperty({ example: 'same sector: fintech; both speak Japanese; both in Tokyo' }) because: string;
}

export class MatchingProposalView {
  @ApiProperty() id: string;
  @ApiProperty({ enum: ['proposed', 'approved', 'superseded'] }) status: string;
  @ApiProperty({ type: MatchingWeightsDto }) weights: MatchingWeightsDto;
  @ApiProperty({ nullable: true, type: Number, description: 'The fairness floor: the lowest score of a free pair' })
  minScore: number | null;
  @ApiProperty() totalScore: number;
  @ApiProperty({ type: [ProposedPairView] }) pairs: ProposedPairView[];
  @ApiProperty() createdAt: string;
  @ApiProperty({ nullable: true, type: String }) approvedAt: string | null;
}

export class MatchingFellowView {
  @ApiProperty() id: string;
  @ApiProperty() fullName: string;
  @ApiProperty({ nullable: true, type: String }) sector: string | null;
  @ApiProperty({ type: [String] }) goals: string[];
  @ApiProperty({ type: [String] }) languages: string[];
  @ApiProperty({ nullable: true, type: String }) hub: string | null;
  @ApiProperty({ nullable: true, type: String }) lockedMentorId: string | null;
  @ApiProperty({ type: [String] }) forbiddenMentorIds: string[];
}

export class MatchingMentorView {
  @ApiProperty() id: string;
  @ApiProperty() fullName: string;
  @ApiProperty({ nullable: true, type: String }) organisation: string | null;
  @ApiProperty({ type: [String] }) sectors: string[];
  @ApiProperty({ type: [String] }) expertise: string[];
  @ApiProperty({ type: [String] }) languages: string[];
  @ApiProperty({ nullable: true, type: String }) city: string | null;
  @ApiProperty() timeZone: string;
  @ApiProperty() capacity: number;
  @ApiProperty({ description: 'Places left after the active pairs' }) free: number;
}

export class ActivePairView {
  @ApiProperty() id: string;
  @ApiProperty({ type: PersonRef }) fellow: PersonRef;
  @ApiProperty({ type: PersonRef }) mentor: PersonRef;
  @ApiProperty() score: number;
  @ApiProperty({ type: [MatchReasonView] }) reasons: MatchReasonView[];
  @ApiProperty() because: string;
  @ApiProperty() createdAt: string;
}

export class RematchRequestView {
  @ApiProperty() id: string;
  @ApiProperty() pairingId: string;
  @ApiProperty({ type: PersonRef }) fellow: PersonRef;
  @ApiProperty({ type: PersonRef }) mentor: PersonRef;
  @ApiProperty({ enum: ['fellow', 'mentor'] }) requesterRole: string;
  @ApiProperty() reason: string;
  @ApiProperty({ enum: ['open', 'rematched', 'kept'] }) status: string;
  @ApiProperty({ nullable: true, type: String }) resolution: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty({ nullable: true, type: String }) resolvedAt: string | null;
}

export class MatchingOverview {
  @ApiProperty() cohortId: string;
  @ApiProperty({ type: MatchingWeightsDto }) defaultWeights: MatchingWeightsDto;
  @ApiProperty({ type: [MatchingFellowView], description: 'Active fellows without an active mentor' })
  unmatched: MatchingFellowView[];
  @ApiProperty({ type: [MatchingMentorView] }) mentors: MatchingMentorView[];
  @ApiProperty({ type: [ActivePairView] }) pairs: ActivePairView[];
  @ApiProperty({ type: MatchingProposalView, nullable: true }) proposal: MatchingProposalView | null;
  @ApiProperty({ type: [RematchRequestView] }) rematchRequests: RematchRequestView[];
}
