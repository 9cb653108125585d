import { ApiProperty } from '@nestjs/swagger';
import { IsObject } from 'class-validator';
import { QUESTION_KINDS, type QuestionKind } from './feedback-forms';

export class SubmitFeedbackDto {
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    example: { usefulness: 4, responsive: true, change: 'Meet every two weeks' },
    description: 'One answer per question code: rating 1–5, yes_no true/false, text',
  })
  @IsObject({ message: 'answers must be an object of question code → answer' })
  answers: Record<string, unknown>;
}

export class LocalTextView {
  @ApiProperty() vi: string;
  @ApiProperty() en: string;
}

export class FeedbackQuestionView {
  @ApiProperty() code: string;
  @ApiProperty({ enum: QUESTION_KINDS }) kind: QuestionKind;
  @ApiProperty() required: boolean;
  @ApiProperty({ type: LocalTextView }) title: LocalTextView;
}

export const CHECKPOINT_STATES = ['upcoming', 'open', 'closed', 'answered'] as const;
export type CheckpointState = (typeof CHECKPOINT_STATES)[number];

/** One checkpoint as one side of the pair sees it: only that side's own answers, never the other's. */
export class CheckpointView {
  @ApiProperty({ example: 'month_1' }) code: string;
  @ApiProperty({ type: LocalTextView }) title: LocalTextView;
  @ApiProperty({ enum: CHECKPOINT_STATES }) state: CheckpointState;
  @ApiProperty({ example: '2027-10-01' }) opensOn: string;
  @ApiProperty({ example: '2027-10-30' }) closesOn: string;
  @ApiProperty({ type: [FeedbackQuestionView] }) questions: FeedbackQuestionView[];
  @ApiProperty({ nullable: true, type: 'object', additionalProperties: true, description: 'The caller’s own answers' })
  myAnswers: Record<string, unknown> | null;
  @ApiProperty({ nullable: true, type: String }) answeredAt: string | null;
}

export class MyFeedbackView {
  @ApiProperty({ enum: ['mentor', 'fellow'] }) authorRole: 'mentor' | 'fellow';
  @ApiProperty({ type: [CheckpointView] }) checkpoints: CheckpointView[];
}
