import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { normalizedText } from '@vgbf/core';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsEmail,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
} from 'class-validator';
import {
  CONFLICT_SOURCES,
  CONFLICT_STATUSES,
  type ConflictSource,
  type ConflictStatus,
} from '../entities/reviewer-conflict.entity';

const normalizedList = ({ value }: { value: unknown }): unknown =>
  Array.isArray(value)
    ? (value as unknown[]).map((v) => (typeof v === 'string' ? v.normalize('NFC').replace(/\s+/g, ' ').trim() : v))
    : value;

/**
 * A reviewer names the people and organisations they know (and, if they like, their emails). The
 * server matches them against the cohort's applicants; the reviewer only learns it was recorded.
 */
export class DeclareConflictsDto {
  @ApiProperty() @IsUUID() cohortId: string;

  @ApiProperty({ type: [String], example: ['Nguyễn Văn An', 'Công ty Cổ phần Lúa Vàng'] })
  @Transform(normalizedList)
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(200, { each: true })
  names: string[];

  @ApiPropertyOptional({ type: [String], example: ['an@luavang.vn'] })
  @IsOptional()
  @Transform(normalizedList)
  @IsArray()
  @ArrayMaxSize(20)
  @IsEmail({}, { each: true })
  emails?: string[];

  @ApiProperty({ example: 'A former business partner of mine' })
  @Transform(normalizedText)
  @IsNotEmpty()
  @MaxLength(500)
  @IsString()
  reason: string;
}

/** All a reviewer is told of their declaration: that it was recorded (never whether or what it matched). */
export class DeclarationReceipt {
  @ApiProperty() id: string;
  @ApiProperty() cohortId: string;
  @ApiProperty({ type: [String] }) names: string[];
  @ApiProperty({ type: [String] }) emails: string[];
  @ApiProperty() reason: string;
  @ApiProperty() createdAt: string;
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
