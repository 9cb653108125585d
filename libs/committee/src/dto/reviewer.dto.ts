import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SECTORS } from '@vgbf/applications';
import { normalizedText } from '@vgbf/core';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
} from 'class-validator';

export class ReviewerProfileDto {
  @ApiProperty({ enum: SECTORS, isArray: true, description: 'Sectors the reviewer knows well' })
  @ArrayUnique()
  @ArrayMaxSize(SECTORS.length)
  @IsIn(SECTORS, { each: true })
  @IsArray()
  sectors: string[];

  @ApiPropertyOptional({ nullable: true, type: String, description: 'Employer, for conflict detection' })
  @IsOptional()
  @Transform(normalizedText)
  @MaxLength(200)
  @IsString()
  organisation?: string | null;

  @ApiPropertyOptional({ nullable: true, type: Number, minimum: 1, maximum: 500 })
  @IsOptional()
  @Min(1)
  @Max(500)
  @IsInt()
  maxLoad?: number | null;
}

export class ReviewerView {
  @ApiProperty() id: string;
  @ApiProperty() fullName: string;
  @ApiProperty() email: string;
  @ApiProperty({ type: [String] }) sectors: string[];
  @ApiProperty({ nullable: true, type: String }) organisation: string | null;
  @ApiProperty({ nullable: true, type: Number }) maxLoad: number | null;
  @ApiProperty({ description: 'Assignments in all cohorts' }) assignments: number;
  @ApiProperty() reviewsDone: number;
}
