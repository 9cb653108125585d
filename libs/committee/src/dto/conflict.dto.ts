import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { normalizedText } from '@vgbf/core';
import { Transform } from 'class-transformer';
import { IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import {
  CONFLICT_SOURCES,
  CONFLICT_STATUSES,
  type ConflictSource,
  type ConflictStatus,
} from '../entities/reviewer-conflict.entity';

export class DeclareConflictDto {
  @ApiProperty() @IsUUID() applicationId: string;

  @ApiProperty({ example: 'A former business partner of mine' })
  @Transform(normalizedText)
  @IsNotEmpty()
  @MaxLength(500)
  @IsString()
  reason: string;
}

export class ConflictDecisionDto {
  @ApiProperty({ enum: ['confirmed', 'dismissed'] })
  @IsIn(['confirmed', 'dismissed'])
  status: 'confirmed' | 'dismissed';

  @ApiPropertyOptional({ description: 'Why, for the audit log' })
  @IsOptional()
  @MaxLength(500)
  @IsString()
  note?: string;
}

export class ConflictListQuery {
  @ApiPropertyOptional({ enum: CONFLICT_STATUSES })
  @IsOptional()
  @IsIn(CONFLICT_STATUSES)
  status?: ConflictStatus;
}

export class ApplicantSearchQuery {
  @ApiProperty() @IsUUID() cohortId: string;

  @ApiProperty({ description: 'Name or enterprise, diacritics ignored (at least 2 characters)' })
  @Transform(normalizedText)
  @MaxLength(100)
  @IsNotEmpty()
  @IsString()
  q: string;
}

export class ApplicantMatch {
  @ApiProperty() applicationId: string;
  @ApiProperty() fullName: string;
  @ApiProperty({ nullable: true, type: String }) enterpriseName: string | null;
}

export class ConflictView {
  @ApiProperty() id: string;
  @ApiProperty() applicationId: string;
  @ApiProperty({ nullable: true, type: String }) applicantName: string | null;
  @ApiProperty({ nullable: true, type: String }) enterpriseName: string | null;
  @ApiProperty() reviewerId: string;
  @ApiProperty() reviewerName: string;
  @ApiProperty({ enum: CONFLICT_SOURCES }) source: ConflictSource;
  @ApiProperty({ enum: CONFLICT_STATUSES }) status: ConflictStatus;
  @ApiProperty() reason: string;
  @ApiProperty() createdAt: string;
}

export class DetectionResult {
  @ApiProperty({ description: 'New likely conflicts, waiting for staff' }) found: number;
  @ApiProperty({ description: 'Already known pairs, left as they were' }) known: number;
}
