import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { normalizedText, trimmed } from '@vgbf/core';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsBoolean,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  CERTIFICATION_PILLARS,
  type CertificationPillar,
  DUE_ANCHORS,
  type DueAnchor,
  EVIDENCE_KINDS,
  type EvidenceKind,
  MILESTONE_REVIEWERS,
  type MilestoneReviewer,
} from '../entities/milestone-template.entity';
import { MILESTONE_STATES, type MilestoneState } from '../entities/milestone.entity';
import { REVIEW_DECISIONS, type ReviewDecision } from '../entities/milestone-review.entity';
import { MILESTONE_STATUSES, type MilestoneStatus } from '../milestone-status';
import {
  DESCRIPTION_MAX,
  MAX_OFFSET_DAYS,
  MAX_OFFSET_MONTHS,
  MAX_TEMPLATE_ITEMS,
  TITLE_MAX,
} from '../timeline/template-rules';

export const EVIDENCE_TEXT_MAX = 5000;
export const EVIDENCE_LINK_MAX = 2000;

export class LocalizedTextDto {
  @ApiProperty({ example: 'Kế hoạch thâm nhập thị trường' })
  @Transform(normalizedText)
  @IsNotEmpty({ message: 'vi is required' })
  @MaxLength(DESCRIPTION_MAX)
  @IsString()
  vi: string;

  @ApiProperty({ example: 'Market immersion plan' })
  @Transform(normalizedText)
  @IsNotEmpty({ message: 'en is required' })
  @MaxLength(DESCRIPTION_MAX)
  @IsString()
  en: string;
}

export class TemplateItemDto {
  @ApiProperty({ example: 'market_immersion_plan' })
  @Matches(/^[a-z][a-z0-9_]{0,39}$/, { message: 'code must be snake_case, at most 40 characters' })
  @IsString()
  code: string;

  @ApiProperty({ type: LocalizedTextDto, description: `each at most ${TITLE_MAX} characters` })
  @ValidateNested()
  @Type(() => LocalizedTextDto)
  @IsObject()
  title: LocalizedTextDto;

  @ApiProperty({ type: LocalizedTextDto })
  @ValidateNested()
  @Type(() => LocalizedTextDto)
  @IsObject()
  description: LocalizedTextDto;

  @ApiProperty({ enum: DUE_ANCHORS })
  @IsIn(DUE_ANCHORS)
  anchor: DueAnchor;

  @ApiProperty({ example: 1, description: 'Signed; end-anchored milestones count back (≤ 0)' })
  @Max(MAX_OFFSET_MONTHS)
  @Min(-MAX_OFFSET_MONTHS)
  @IsInt()
  offsetMonths: number;

  @ApiProperty({ example: 0, description: 'Signed; end-anchored milestones count back (≤ 0)' })
  @Max(MAX_OFFSET_DAYS)
  @Min(-MAX_OFFSET_DAYS)
  @IsInt()
  offsetDays: number;

  @ApiProperty({ enum: EVIDENCE_KINDS, isArray: true })
  @IsIn(EVIDENCE_KINDS, { each: true, message: `each evidence kind must be one of: ${EVIDENCE_KINDS.join(', ')}` })
  @ArrayUnique()
  @ArrayMinSize(1, { message: 'evidence must list at least one kind' })
  @IsArray()
  evidence: EvidenceKind[];

  @ApiProperty({ enum: MILESTONE_REVIEWERS })
  @IsIn(MILESTONE_REVIEWERS)
  reviewer: MilestoneReviewer;

  @ApiProperty({ enum: CERTIFICATION_PILLARS, isArray: true })
  @IsIn(CERTIFICATION_PILLARS, {
    each: true,
    message: `each pillar must be one of: ${CERTIFICATION_PILLARS.join(', ')}`,
  })
  @ArrayUnique()
  @IsArray()
  pillars: CertificationPillar[];
}

/** The cohort's whole template, in order (position = place in the list). */
export class PutTemplateDto {
  @ApiProperty({ type: [TemplateItemDto] })
  @ValidateNested({ each: true })
  @Type(() => TemplateItemDto)
  @ArrayMaxSize(MAX_TEMPLATE_ITEMS)
  @ArrayMinSize(1, { message: 'milestones must hold at least one milestone' })
  @IsArray()
  milestones: TemplateItemDto[];
}

export class TemplateItemView {
  @ApiProperty() id: string;
  @ApiProperty() position: number;
  @ApiProperty() code: string;
  @ApiProperty({ type: LocalizedTextDto }) title: LocalizedTextDto;
  @ApiProperty({ type: LocalizedTextDto }) description: LocalizedTextDto;
  @ApiProperty({ enum: DUE_ANCHORS }) anchor: DueAnchor;
  @ApiProperty() offsetMonths: number;
  @ApiProperty() offsetDays: number;
  @ApiProperty({ enum: EVIDENCE_KINDS, isArray: true }) evidence: EvidenceKind[];
  @ApiProperty({ enum: MILESTONE_REVIEWERS }) reviewer: MilestoneReviewer;
  @ApiProperty({ enum: CERTIFICATION_PILLARS, isArray: true }) pillars: CertificationPillar[];
}

export class TemplateView {
  @ApiProperty() cohortId: string;
  @ApiProperty({ enum: [6, 9, 12] }) trackMonths: number;
  @ApiProperty({ example: '2027-09-01' }) programmeStartDate: string;
  @ApiProperty({ description: 'false once the programme has started (its start date reached, in Vietnam)' })
  editable: boolean;
  @ApiProperty({ type: [TemplateItemView] }) milestones: TemplateItemView[];
}

export class TimelinesCreatedView {
  @ApiProperty({ description: 'Active fellows given a timeline now' }) created: number;
  @ApiProperty({ description: 'Active fellows who already had one' }) skipped: number;
  @ApiProperty({ type: [String] }) fellowIds: string[];
}

export class ExtensionDto {
  @ApiProperty({ minimum: 1, maximum: 180, example: 21 })
  @Max(180)
  @Min(1)
  @IsInt()
  days: number;

  @ApiProperty({ example: 'Partner meeting moved by the host ministry' })
  @Transform(trimmed)
  @IsNotEmpty({ message: 'reason is required' })
  @MaxLength(500)
  @IsString()
  reason: string;

  @ApiPropertyOptional({
    default: false,
    description:
      "When the extension moves a milestone past the fellow's end date: true moves the end date to the last due date (audited); without it the extension is refused (409 extension_past_end_date, with the dates)",
  })
  @IsOptional()
  @IsBoolean()
  moveEndDate?: boolean;
}

export class SubmitEvidenceDto {
  @ApiPropertyOptional({ maxLength: EVIDENCE_TEXT_MAX })
  @IsOptional()
  @Transform(trimmed)
  @MaxLength(EVIDENCE_TEXT_MAX)
  @IsString()
  text?: string;

  @ApiPropertyOptional({ example: 'https://example.com/mou-announcement' })
  @IsOptional()
  @Transform(trimmed)
  @IsUrl(
    { require_protocol: true, protocols: ['http', 'https'], require_tld: false },
    { message: 'link must be an http(s) URL' },
  )
  @MaxLength(EVIDENCE_LINK_MAX)
  @IsString()
  link?: string;
}

export class ReviewDto {
  @ApiProperty({ enum: REVIEW_DECISIONS })
  @IsIn(REVIEW_DECISIONS)
  decision: ReviewDecision;

  @ApiPropertyOptional({ description: 'Required when asking for changes' })
  @ValidateIf((o: ReviewDto) => o.decision === 'changes_requested' || o.comment !== undefined)
  @Transform(trimmed)
  @IsNotEmpty({ message: 'comment is required when asking for changes' })
  @MaxLength(EVIDENCE_TEXT_MAX)
  @IsString()
  comment?: string;
}

export class WaiveDto {
  @ApiProperty({ example: 'The host market closed to foreign partners this year' })
  @Transform(trimmed)
  @IsNotEmpty({ message: 'reason is required' })
  @MaxLength(500)
  @IsString()
  reason: string;
}

export class ReviewQueueQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  cohortId?: string;
}

export class EvidenceFileView {
  @ApiProperty() filename: string;
  @ApiProperty() sizeBytes: number;
  @ApiProperty() sha256: string;
}

export class SubmissionView {
  @ApiProperty() id: string;
  @ApiProperty() version: number;
  @ApiProperty({ nullable: true, type: String }) text: string | null;
  @ApiProperty({ nullable: true, type: String }) link: string | null;
  @ApiProperty({ nullable: true, type: EvidenceFileView }) file: EvidenceFileView | null;
  @ApiProperty() submittedAt: string;
}

export class MilestoneReviewView {
  @ApiProperty({ enum: REVIEW_DECISIONS }) decision: ReviewDecision;
  @ApiProperty() comment: string;
  @ApiProperty({ enum: ['mentor', 'staff'] }) reviewerRole: 'mentor' | 'staff';
  @ApiProperty() reviewedAt: string;
}

export class MilestoneView {
  @ApiProperty() id: string;
  @ApiProperty() fellowId: string;
  @ApiProperty() code: string;
  @ApiProperty() position: number;
  @ApiProperty({ type: LocalizedTextDto }) title: LocalizedTextDto;
  @ApiProperty({ type: LocalizedTextDto }) description: LocalizedTextDto;
  @ApiProperty({ enum: EVIDENCE_KINDS, isArray: true }) evidence: EvidenceKind[];
  @ApiProperty({ enum: MILESTONE_REVIEWERS }) reviewer: MilestoneReviewer;
  @ApiProperty({ enum: CERTIFICATION_PILLARS, isArray: true }) pillars: CertificationPillar[];
  @ApiProperty({ example: '2027-10-01' }) baseDueOn: string;
  @ApiProperty() extensionDays: number;
  @ApiProperty({ example: '2027-10-22', description: 'baseDueOn + the extensions of this and earlier milestones' })
  dueOn: string;
  @ApiProperty({ enum: MILESTONE_STATES }) state: MilestoneState;
  @ApiProperty({ enum: MILESTONE_STATUSES, description: 'Derived from state, dueOn and today in Vietnam' })
  status: MilestoneStatus;
  @ApiProperty({ nullable: true, type: String }) waivedReason: string | null;
  @ApiProperty({ nullable: true, type: String }) submittedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) approvedAt: string | null;
  @ApiProperty({ nullable: true, type: SubmissionView }) latestSubmission: SubmissionView | null;
  @ApiProperty({ type: [MilestoneReviewView], description: 'Decisions on the latest submission' })
  reviews: MilestoneReviewView[];
}

export class TimelineView {
  @ApiProperty() fellowId: string;
  @ApiProperty() cohortId: string;
  @ApiProperty() fullName: string;
  @ApiProperty() startDate: string;
  @ApiProperty() endDate: string;
  @ApiProperty({ example: '2027-10-01', description: 'Today in Vietnam, as the statuses were derived' }) today: string;
  @ApiProperty({ type: [MilestoneView] }) milestones: MilestoneView[];
}

export class ReviewQueueItemView {
  @ApiProperty({ enum: ['mentor', 'staff'], description: 'The side whose decision is awaited from the caller' })
  side: 'mentor' | 'staff';
  @ApiProperty() milestoneId: string;
  @ApiProperty() fellowId: string;
  @ApiProperty() fellowName: string;
  @ApiProperty() cohortId: string;
  @ApiProperty() code: string;
  @ApiProperty({ type: LocalizedTextDto }) title: LocalizedTextDto;
  @ApiProperty({ enum: MILESTONE_REVIEWERS }) reviewer: MilestoneReviewer;
  @ApiProperty() dueOn: string;
  @ApiProperty({ enum: MILESTONE_STATUSES }) status: MilestoneStatus;
  @ApiProperty() submissionId: string;
  @ApiProperty() version: number;
  @ApiProperty() submittedAt: string;
}
