import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsInt,
  IsNotEmpty,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

export class LocalTextDto {
  @ApiProperty() @IsNotEmpty() @MaxLength(300) @IsString() vi: string;
  @ApiProperty() @IsNotEmpty() @MaxLength(300) @IsString() en: string;
}

export class CriterionDto {
  @ApiProperty({ example: 'esg_mindset' })
  @Matches(/^[a-z][a-z0-9_]{1,40}$/, { message: 'code must be lower-case letters, digits and _' })
  @IsString()
  code: string;

  @ApiProperty({ type: LocalTextDto })
  @ValidateNested()
  @Type(() => LocalTextDto)
  title: LocalTextDto;

  @ApiProperty({ minimum: 1, maximum: 100 })
  @Min(1)
  @Max(100)
  @IsInt()
  weight: number;

  @ApiProperty({ description: 'Anchor texts for some of the scores "1"…"5"', example: { '1': { vi: '…', en: '…' } } })
  @IsObject()
  anchors: Record<string, LocalTextDto>;
}

export class RubricDto {
  @ApiProperty({ type: [CriterionDto] })
  @ArrayUnique((c: CriterionDto) => c?.code, { message: 'criteria must have distinct codes' })
  @ArrayMaxSize(12)
  @ArrayMinSize(1)
  @ValidateNested({ each: true })
  @Type(() => CriterionDto)
  @IsArray()
  criteria: CriterionDto[];
}

export class UpdateRoundDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 7 })
  @IsOptional()
  @Min(1)
  @Max(7)
  @IsInt()
  reviewersPerApplication?: number;

  @ApiPropertyOptional({
    example: '2027-04-30T23:59',
    nullable: true,
    type: String,
    description: 'Vietnam time (Asia/Ho_Chi_Minh), no offset; null clears the deadline',
  })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, {
    message: 'reviewDeadline must be a Vietnam date and time like 2027-04-30T23:59',
    context: { code: 'validation.local_date_time' },
  })
  @IsString()
  reviewDeadline?: string | null;

  @ApiPropertyOptional({ minimum: 0.1, maximum: 4, description: 'Normalized scores further apart flag a disagreement' })
  @IsOptional()
  @Min(0.1)
  @Max(4)
  @IsNumber({ maxDecimalPlaces: 2 })
  disagreementGap?: number;
}

export class RoundView {
  @ApiProperty() cohortId: string;
  @ApiProperty({ type: RubricDto }) rubric: RubricDto;
  @ApiProperty({ description: 'False once a review has been submitted on the rubric' }) rubricEditable: boolean;
  @ApiProperty() reviewersPerApplication: number;
  @ApiProperty({ nullable: true, type: String, description: 'UTC' }) reviewDeadline: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Vietnam time' }) reviewDeadlineLocal: string | null;
  @ApiProperty() disagreementGap: number;
}
