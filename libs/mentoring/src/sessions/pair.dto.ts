import { ApiProperty } from '@nestjs/swagger';
import { PAIRING_STATUSES, type PairingStatus } from '../entities/pairing.entity';
import { MatchReasonView } from '../matching/dto/matching.dto';
import { SessionView } from './session.dto';

/** A pair's mentoring so far ("this month" is the calendar month in Vietnam). */
export class PairStatsView {
  @ApiProperty() sessions: number;
  @ApiProperty() sessionsThisMonth: number;
  @ApiProperty({ description: 'Logged session time, in hours (2 decimals)' }) hours: number;
  @ApiProperty({ nullable: true, type: String }) lastSessionAt: string | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Mean of the fellow’s ratings (2 decimals)' })
  averageRating: number | null;
  @ApiProperty({ description: 'Sessions the fellow has not confirmed yet' }) unconfirmed: number;
}

export class PairFellowView {
  @ApiProperty() id: string;
  @ApiProperty() userId: string;
  @ApiProperty() fullName: string;
  @ApiProperty() email: string;
  @ApiProperty({ nullable: true, type: String }) enterpriseName: string | null;
  @ApiProperty({ nullable: true, type: String }) sector: string | null;
  @ApiProperty({ nullable: true, type: String }) hub: string | null;
  @ApiProperty({ nullable: true, type: String }) hubCity: string | null;
  @ApiProperty({ example: '2027-09-01' }) startDate: string;
  @ApiProperty({ example: '2028-08-31' }) endDate: string;
}

export class PairMentorView {
  @ApiProperty() userId: string;
  @ApiProperty() fullName: string;
  @ApiProperty() email: string;
  @ApiProperty({ nullable: true, type: String }) organisation: string | null;
  @ApiProperty({ nullable: true, type: String }) city: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'Asia/Tokyo' }) timeZone: string | null;
}

export class PairView {
  @ApiProperty() id: string;
  @ApiProperty() cohortId: string;
  @ApiProperty({ enum: PAIRING_STATUSES }) status: PairingStatus;
  @ApiProperty({ enum: ['mentor', 'fellow', 'staff'], description: 'How the caller stands to this pair' })
  viewedAs: 'mentor' | 'fellow' | 'staff';
  @ApiProperty() pairedAt: string;
  @ApiProperty({ nullable: true, type: String }) endedAt: string | null;
  @ApiProperty({
    type: [MatchReasonView],
    description: 'Why the pair was matched (codes; each side reads them in their language)',
  })
  reasons: MatchReasonView[];
  @ApiProperty({ type: PairFellowView }) fellow: PairFellowView;
  @ApiProperty({ type: PairMentorView }) mentor: PairMentorView;
  @ApiProperty({ type: PairStatsView }) stats: PairStatsView;
}

/** The caller's own pairs: as a mentor (their fellows) and as a fellow (their mentor). */
export class MyPairsView {
  @ApiProperty({ type: [PairView], description: 'Active pairs' }) active: PairView[];
  @ApiProperty({ type: [PairView], description: 'Pairs that have ended' }) ended: PairView[];
}

export class CohortMentoringTotals {
  @ApiProperty() pairs: number;
  @ApiProperty() activePairs: number;
  @ApiProperty() sessions: number;
  @ApiProperty() sessionsThisMonth: number;
  @ApiProperty() hours: number;
  @ApiProperty({ nullable: true, type: Number }) averageRating: number | null;
  @ApiProperty() unconfirmed: number;
}

export class CohortPairsView {
  @ApiProperty({ type: CohortMentoringTotals }) totals: CohortMentoringTotals;
  @ApiProperty({ type: [PairView] }) pairs: PairView[];
}

export class FeedbackAnswersView {
  @ApiProperty() checkpoint: string;
  @ApiProperty({ enum: ['fellow', 'mentor'] }) authorRole: 'fellow' | 'mentor';
  @ApiProperty() authorId: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) answers: Record<string, unknown>;
  @ApiProperty() answeredAt: string;
}

/** Staff's view of one pair: its sessions and both sides' feedback. */
export class PairActivityView {
  @ApiProperty({ type: PairView }) pair: PairView;
  @ApiProperty({ type: [SessionView] }) sessions: SessionView[];
  @ApiProperty({ type: [FeedbackAnswersView] }) feedback: FeedbackAnswersView[];
}
