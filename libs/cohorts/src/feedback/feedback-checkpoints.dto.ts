import { ApiProperty } from '@nestjs/swagger';
import { normalizedText } from '@vgbf/core';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  CHECKPOINT_ANCHORS,
  type CheckpointAnchor,
  MAX_CHECKPOINTS,
  MAX_OPEN_DAYS,
  MAX_QUESTIONS,
  QUESTION_KINDS,
  type QuestionKind,
} from './checkpoint-rules';

const SNAKE = /^[a-z][a-z0-9_]{0,39}$/;

export class CheckpointTextDto {
  @ApiProperty({ example: 'Sau tháng đầu tiên' })
  @Transform(normalizedText)
  @MaxLength(200)
  @IsNotEmpty({ message: 'vi must not be empty' })
  @IsString()
  vi: string;

  @ApiProperty({ example: 'After the first month' })
  @Transform(normalizedText)
  @MaxLength(200)
  @IsNotEmpty({ message: 'en must not be empty' })
  @IsString()
  en: string;
}

export class CheckpointOpensDto {
  @ApiProperty({ enum: CHECKPOINT_ANCHORS })
  @IsIn(CHECKPOINT_ANCHORS)
  from: CheckpointAnchor;

  @ApiProperty({ example: 30, description: 'Days after (negative: before) the anchor of the fellow’s year' })
  @Max(366)
  @Min(-366)
  @IsInt()
  days: number;
}

export class FeedbackQuestionDto {
  @ApiProperty({ example: 'usefulness', description: 'snake_case key of the answer' })
  @Matches(SNAKE, { message: 'code must be snake_case (a–z, 0–9, _), at most 40 characters' })
  @IsString()
  code: string;

  @ApiProperty({ enum: QUESTION_KINDS })
  @IsIn(QUESTION_KINDS)
  kind: QuestionKind;

  @ApiProperty() @IsBoolean() required: boolean;

  @ApiProperty({ type: CheckpointTextDto })
  @ValidateNested()
  @Type(() => CheckpointTextDto)
  title: CheckpointTextDto;
}

export class FeedbackCheckpointDto {
  @ApiProperty({ example: 'month_1', description: 'snake_case key; answers given stay filed under it' })
  @Matches(SNAKE, { message: 'code must be snake_case (a–z, 0–9, _), at most 40 characters' })
  @IsString()
  code: string;

  @ApiProperty({ type: CheckpointTextDto })
  @ValidateNested()
  @Type(() => CheckpointTextDto)
  title: CheckpointTextDto;

  @ApiProperty({ type: CheckpointOpensDto })
  @ValidateNested()
  @Type(() => CheckpointOpensDto)
  opens: CheckpointOpensDto;

  @ApiProperty({ example: 30, description: `Days the form stays open (1–${MAX_OPEN_DAYS})` })
  @Max(MAX_OPEN_DAYS)
  @Min(1)
  @IsInt()
  openForDays: number;

  @ApiProperty({ type: [FeedbackQuestionDto] })
  @ValidateNested({ each: true })
  @Type(() => FeedbackQuestionDto)
  @ArrayMaxSize(MAX_QUESTIONS)
  @ArrayMinSize(1)
  @IsArray()
  questions: FeedbackQuestionDto[];
}

export class FeedbackCheckpointsDto {
  @ApiProperty({ type: [FeedbackCheckpointDto] })
  @ValidateNested({ each: true })
  @Type(() => FeedbackCheckpointDto)
  @ArrayMaxSize(MAX_CHECKPOINTS)
  @ArrayMinSize(1)
  @IsArray()
  checkpoints: FeedbackCheckpointDto[];
}

export class FeedbackCheckpointsView {
  @ApiProperty() cohortId: string;
  @ApiProperty() trackMonths: number;
  @ApiProperty({ example: '2027-09-01' }) programmeStartDate: string;
  @ApiProperty({ description: 'Until the programme starts (its start date reached in Vietnam)' }) editable: boolean;
  @ApiProperty({ type: [FeedbackCheckpointDto] }) checkpoints: FeedbackCheckpointDto[];
}
