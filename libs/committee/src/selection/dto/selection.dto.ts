import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsNotIn,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { SELECTION_SCORE_KINDS, type SelectionScoreKind } from '../selection.types';

export const SHARE_ATTRIBUTES = ['region', 'gender', 'sector'] as const;
/** Names the solver uses for its own constraints: a share cannot take them. */
const RESERVED_CONSTRAINT_IDS = ['size', 'hubs', 'pinnedIn', 'pinnedOut'];

export class HubCapacityDto {
  @ApiProperty({ example: 'JP' })
  @Matches(/^[A-Z]{2,4}$/, { message: 'code must be a hub code like JP', context: { code: 'validation.hub_code' } })
  @IsString()
  code: string;

  @ApiProperty({ minimum: 0, maximum: 100 })
  @Min(0)
  @Max(100)
  @IsInt()
  capacity: number;
}

export class ShareDto {
  @ApiProperty({ example: 'women', description: 'Names the constraint in prices and clashes' })
  @IsNotIn(RESERVED_CONSTRAINT_IDS, { message: `id must not be one of ${RESERVED_CONSTRAINT_IDS.join(', ')}` })
  @Matches(/^[A-Za-z][A-Za-z0-9_-]{0,39}$/, { message: 'id must be a letter then letters, digits, _ or -' })
  @IsString()
  id: string;

  @ApiProperty({ enum: SHARE_ATTRIBUTES })
  @IsIn(SHARE_ATTRIBUTES)
  attribute: (typeof SHARE_ATTRIBUTES)[number];

  @ApiProperty({ example: 'female', description: 'A region, gender or sector of the application form' })
  @IsString()
  value: string;

  @ApiPropertyOptional({ minimum: 0, maximum: 1, example: 0.4, description: 'At least this fraction of the cohort' })
  @IsOptional()
  @Min(0)
  @Max(1)
  @IsNumber({ maxDecimalPlaces: 4 })
  min?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 1, example: 0.25, description: 'At most this fraction of the cohort' })
  @IsOptional()
  @Min(0)
  @Max(1)
  @IsNumber({ maxDecimalPlaces: 4 })
  max?: number;
}

export class SelectionRequestDto {
  @ApiPropertyOptional({ enum: SELECTION_SCORE_KINDS, default: 'normalized' })
  @IsOptional()
  @IsIn(SELECTION_SCORE_KINDS)
  scoreKind?: SelectionScoreKind;

  // At most the programme's 100 fellows; no floor of 50, so a year with fewer candidates still selects them.
  @ApiProperty({ minimum: 1, maximum: 100, description: 'Exactly this many are selected' })
  @Min(1)
  @Max(100)
  @IsInt()
  size: number;

  @ApiPropertyOptional({ type: [HubCapacityDto], description: 'Seats per hub; defaults to the cohort’s hubs' })
  @IsOptional()
  @ArrayUnique((h: HubCapacityDto) => h?.code, { message: 'hubCapacities must have distinct codes' })
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => HubCapacityDto)
  @IsArray()
  hubCapacities?: HubCapacityDto[];

  @ApiPropertyOptional({ type: [ShareDto], description: 'Minimum and maximum shares of the cohort' })
  @IsOptional()
  @ArrayUnique((s: ShareDto) => s?.id, { message: 'shares must have distinct ids' })
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => ShareDto)
  @IsArray()
  shares?: ShareDto[];

  @ApiPropertyOptional({ type: [String], description: 'Applications that must be selected' })
  @IsOptional()
  @ArrayUnique()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  @IsArray()
  pinnedIn?: string[];

  @ApiPropertyOptional({ type: [String], description: 'Applications that must not be selected (nor waitlisted)' })
  @IsOptional()
  @ArrayUnique()
  @ArrayMaxSize(1000)
  @IsUUID('all', { each: true })
  @IsArray()
  pinnedOut?: string[];
}

export class ConstraintPriceView {
  @ApiProperty({ description: 'A share id, "hubs", "pinnedIn" or "pinnedOut"' }) constraint: string;
  @ApiProperty({ description: 'The best total score without this one constraint' }) objectiveWithout: number;
  @ApiProperty({ description: 'The score this constraint costs (≥ 0)' }) price: number;
}

export class ProposedCandidateView {
  @ApiProperty() applicationId: string;
  @ApiProperty({ nullable: true, type: String }) fullName: string | null;
  @ApiProperty() score: number;
  @ApiProperty({ nullable: true, type: String }) region: string | null;
  @ApiProperty({ nullable: true, type: String }) gender: string | null;
  @ApiProperty({ nullable: true, type: String }) sector: string | null;
}

export class SelectedCandidateView extends ProposedCandidateView {
  @ApiProperty({ description: 'A placement within every hub capacity (one witness; not an assignment)' })
  hub: string;
}

export class WaitlistedCandidateView extends ProposedCandidateView {
  @ApiProperty({ description: '1 is offered a freed seat first (if they keep every constraint)' }) rank: number;
}

export class SelectionSettingsView {
  @ApiProperty({ enum: SELECTION_SCORE_KINDS }) scoreKind: SelectionScoreKind;
  @ApiProperty() size: number;
  @ApiProperty({ example: { JP: 25, SG: 25 } }) hubCapacities: Record<string, number>;
  @ApiProperty({ type: [ShareDto] }) shares: ShareDto[];
  @ApiProperty({ type: [String] }) pinnedIn: string[];
  @ApiProperty({ type: [String] }) pinnedOut: string[];
}

export class ProposalView {
  @ApiProperty() id: string;
  @ApiProperty() cohortId: string;
  @ApiProperty({ enum: ['proposed', 'confirmed', 'superseded'] }) status: string;
  @ApiProperty({ type: SelectionSettingsView }) input: SelectionSettingsView;
  @ApiProperty({ description: 'Interviewed applications with a score of the chosen kind' }) candidates: number;
  @ApiProperty({ description: 'Interviewed applications without such a score, left out' }) withoutScore: number;
  @ApiProperty({ description: 'Total score of the selected' }) objective: number;
  @ApiProperty({ description: 'Total score of the top `size`, ignoring every constraint' })
  unconstrainedObjective: number;
  @ApiProperty({ type: [ConstraintPriceView] }) prices: ConstraintPriceView[];
  @ApiProperty({ type: [SelectedCandidateView] }) selected: SelectedCandidateView[];
  @ApiProperty({ type: [WaitlistedCandidateView] }) waitlist: WaitlistedCandidateView[];
  @ApiProperty() createdAt: string;
  @ApiProperty() createdBy: string;
  @ApiProperty({ nullable: true, type: String }) confirmedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) confirmedBy: string | null;
}

export class OfferPreviewQuery {
  @ApiProperty({ description: 'One of the proposal’s selected applications' }) @IsUUID() applicationId: string;
}

export class OfferPreviewView {
  @ApiProperty() to: string;
  @ApiProperty({ enum: ['vi', 'en'] }) language: 'vi' | 'en';
  @ApiProperty() subject: string;
  @ApiProperty() text: string;
  @ApiProperty() html: string;
}

export class ConfirmationView {
  @ApiProperty() runId: string;
  @ApiProperty({ description: 'Offers made (one email each)' }) offers: number;
  @ApiProperty({ description: 'Applications put on the waitlist' }) waitlisted: number;
  @ApiProperty({ description: 'When the offers expire (UTC)' }) expiresAt: string;
}

export class ProposalSummary {
  @ApiProperty() id: string;
  @ApiProperty({ enum: ['proposed', 'confirmed', 'superseded'] }) status: string;
  @ApiProperty({ enum: SELECTION_SCORE_KINDS }) scoreKind: SelectionScoreKind;
  @ApiProperty() size: number;
  @ApiProperty() objective: number;
  @ApiProperty() createdAt: string;
  @ApiProperty({ nullable: true, type: String }) confirmedAt: string | null;
}

export class CohortOfferView {
  @ApiProperty() id: string;
  @ApiProperty() applicationId: string;
  @ApiProperty({ nullable: true, type: String }) fullName: string | null;
  @ApiProperty({ enum: ['pending', 'accepted', 'declined', 'expired'] }) status: string;
  @ApiProperty({ description: 'UTC' }) expiresAt: string;
  @ApiProperty({ nullable: true, type: String }) respondedAt: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The offer that took the seat this one freed' })
  replacedByOfferId: string | null;
  @ApiProperty({ description: 'Freed, and no waitlisted candidate kept every constraint' }) seatLeftOpen: boolean;
  @ApiProperty() createdAt: string;
}

export class WaitlistEntryView {
  @ApiProperty() applicationId: string;
  @ApiProperty({ nullable: true, type: String }) fullName: string | null;
  @ApiProperty() rank: number;
  @ApiProperty({ enum: ['waiting', 'offered', 'removed'] }) status: string;
}

export class SelectionStatusView {
  @ApiProperty({ type: [ProposalSummary], description: 'Newest first' }) proposals: ProposalSummary[];
  @ApiProperty({ nullable: true, type: String }) confirmedRunId: string | null;
  @ApiProperty({ nullable: true, type: Number, description: 'The confirmed cohort size' }) size: number | null;
  @ApiProperty({ description: 'Offers pending or accepted' }) seatsHeld: number;
  @ApiProperty({ type: [CohortOfferView], description: 'Oldest first' }) offers: CohortOfferView[];
  @ApiProperty({ type: [WaitlistEntryView], description: 'By rank' }) waitlist: WaitlistEntryView[];
}
