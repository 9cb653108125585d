import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { trimmed } from '@vgbf/core';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
} from 'class-validator';

/** Points for a first, second, third and fourth choice, unless staff choose others. */
export const DEFAULT_RANK_WEIGHTS = [100, 60, 30, 10];

export class PlacementRequestDto {
  @ApiPropertyOptional({
    type: [Number],
    example: DEFAULT_RANK_WEIGHTS,
    description: 'Points for rank 1, 2, 3…: whole numbers 0–1000, never rising. A hub not ranked earns 0.',
  })
  @IsOptional()
  @ArrayMaxSize(10)
  @ArrayMinSize(1)
  @Min(0, { each: true, message: 'each rank weight must be between 0 and 1000' })
  @Max(1000, { each: true, message: 'each rank weight must be between 0 and 1000' })
  @IsInt({ each: true, message: 'each rank weight must be a whole number' })
  @IsArray()
  rankWeights?: number[];
}

/** A fellow's staff constraints, replaced as a whole: at most one lock, any number of forbidden hubs. */
export class FellowConstraintsDto {
  @ApiPropertyOptional({ nullable: true, type: String, description: 'The hub the fellow must go to (null: none)' })
  @IsOptional()
  @IsUUID('all', { message: 'lockedHubId must be a hub id' })
  lockedHubId?: string | null;

  @ApiProperty({ type: [String], description: 'Hubs the fellow must never go to' })
  @ArrayMaxSize(20)
  @ArrayUnique({ message: 'each forbidden hub may be listed once' })
  @IsUUID('all', { each: true, message: 'each forbidden hub must be a hub id' })
  @IsArray()
  forbiddenHubIds: string[];

  @ApiPropertyOptional({ example: 'Partner in Tokyo asked for her by name' })
  @IsOptional()
  @Transform(trimmed)
  @MaxLength(500)
  @IsString()
  note?: string;
}

/** After confirmation, staff move one fellow; the reason is audited and emailed. */
export class MovePlacementDto {
  @ApiProperty()
  @IsUUID('all', { message: 'hubId must be a hub id' })
  hubId: string;

  @ApiProperty({ example: 'Visa for Japan refused; Korea agreed to host' })
  @Transform(trimmed)
  @IsNotEmpty({ message: 'reason is required' })
  @MaxLength(500)
  @IsString()
  reason: string;
}

export class NotHigherView {
  @ApiProperty({ example: 'JP' }) hub: string;
  @ApiProperty({ example: 'Japan' }) hubName: string;
  @ApiProperty() rank: number;
  @ApiProperty({ enum: ['locked', 'forbidden', 'language', 'capacity', 'minimum'] }) reason: string;
  @ApiProperty({ example: 'Japan is full with 3 fellows, 3 of them with a higher score.' }) detail: string;
  @ApiPropertyOptional() capacity?: number;
  @ApiPropertyOptional() higherScored?: number;
  @ApiPropertyOptional() minimumHub?: string;
  @ApiPropertyOptional() minimum?: number;
  @ApiPropertyOptional({ example: 'JLPT N3 or IELTS 6.5' }) languageRule?: string;
}

export class ProposedPlacementView {
  @ApiProperty() fellowId: string;
  @ApiProperty() fullName: string;
  @ApiProperty({ nullable: true, type: Number }) selectionScore: number | null;
  @ApiProperty({ example: 'JP' }) hub: string;
  @ApiProperty() hubId: string;
  @ApiProperty() hubName: string;
  @ApiProperty({ nullable: true, type: Number, description: 'Rank of the hub in the fellow’s preferences' })
  rank: number | null;
  @ApiProperty() points: number;
  @ApiProperty() locked: boolean;
  @ApiProperty({ type: [NotHigherView], description: 'Why no hub the fellow ranked higher' })
  notHigher: NotHigherView[];
}

export class PlacementProposalView {
  @ApiProperty() id: string;
  @ApiProperty({ enum: ['proposed', 'confirmed', 'superseded'] }) status: string;
  @ApiProperty({ type: [Number] }) rankWeights: number[];
  @ApiProperty() totalPoints: number;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' }, example: { '1': 9, '2': 3 } })
  byRank: Record<string, number>;
  @ApiProperty({ type: [ProposedPlacementView] }) placements: ProposedPlacementView[];
  @ApiProperty() createdAt: string;
  @ApiProperty({ nullable: true, type: String }) confirmedAt: string | null;
}

export class HubLanguageRequirementView {
  @ApiProperty({ example: 'IELTS' }) test: string;
  @ApiProperty({ example: '6.5' }) minimum: string;
}

export class PlacementHubView {
  @ApiProperty() id: string;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String, description: 'The name in Vietnamese' }) nameVi: string | null;
  @ApiProperty() city: string;
  @ApiProperty() capacity: number;
  @ApiProperty() minimumFellows: number;
  @ApiProperty({ example: 'JLPT N3 or IELTS 6.5', description: 'Empty when anyone may go' }) languageRule: string;
  @ApiProperty({ type: [HubLanguageRequirementView], description: 'Any one of them suffices; the web words the rule' })
  languageRequirements: HubLanguageRequirementView[];
  @ApiProperty({ description: 'Fellows placed there now (confirmed)' }) placed: number;
}

export class PlacementFellowView {
  @ApiProperty() id: string;
  @ApiProperty() fullName: string;
  @ApiProperty({ nullable: true, type: Number }) selectionScore: number | null;
  @ApiProperty({ type: [String] }) hubPreferences: string[];
  @ApiProperty({ type: [String], description: 'Hub codes whose language rule the fellow meets' })
  eligibleHubs: string[];
  @ApiProperty({ nullable: true, type: String }) lockedHubId: string | null;
  @ApiProperty({ type: [String] }) forbiddenHubIds: string[];
  @ApiProperty({ nullable: true, type: String }) constraintNote: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Confirmed hub code' }) hub: string | null;
  @ApiProperty({
    description:
      "Whether the fellow's consent to sharing data abroad stands: without it they are left out of proposals and cannot be placed",
  })
  abroadConsent: boolean;
}

export class PlacementOverview {
  @ApiProperty() cohortId: string;
  @ApiProperty({ description: 'Whether a placement is confirmed (then changes go fellow by fellow)' })
  confirmed: boolean;
  @ApiProperty({ type: [PlacementHubView] }) hubs: PlacementHubView[];
  @ApiProperty({ type: [PlacementFellowView] }) fellows: PlacementFellowView[];
  @ApiProperty({ type: PlacementProposalView, nullable: true, description: 'The newest proposal or the confirmed one' })
  proposal: PlacementProposalView | null;
}
