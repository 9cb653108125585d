import { ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { PageQuery, normalizedText } from '@vgbf/core';
import { Transform, Type } from 'class-transformer';
import { IsDate, IsOptional, IsString, IsUUID, MaxDate, MaxLength, MinDate } from 'class-validator';

/** Instants JavaScript takes and PostgreSQL does not (year -271821) are refused, not a 500. */
const EARLIEST = new Date('1900-01-01T00:00:00Z');
const LATEST = new Date('9999-12-31T23:59:59Z');

export class AuditQuery extends PageQuery {
  @ApiPropertyOptional({ example: 'user' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  entityType?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(100)
  entityId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  actorId?: string;

  @ApiPropertyOptional({ description: "Part of the acting person's name or email; case and diacritics ignored" })
  @IsOptional()
  @Transform(normalizedText)
  @MaxLength(100)
  @IsString()
  actor?: string;

  @ApiPropertyOptional({ example: 'invitation.created' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  action?: string;

  @ApiPropertyOptional({ description: 'ISO 8601, inclusive' })
  @IsOptional()
  @Type(() => Date)
  @MinDate(EARLIEST)
  @MaxDate(LATEST)
  @IsDate()
  from?: Date;

  @ApiPropertyOptional({ description: 'ISO 8601, exclusive' })
  @IsOptional()
  @Type(() => Date)
  @MinDate(EARLIEST)
  @MaxDate(LATEST)
  @IsDate()
  to?: Date;
}

/** The same filters, unpaged: the export carries every row they select. */
export class AuditExportQuery extends OmitType(AuditQuery, ['page', 'pageSize'] as const) {}
