import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { PageQuery } from '@vgbf/core';
import { DATA_CATEGORIES } from '@vgbf/personal-data';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsUUID, Matches } from 'class-validator';

export const RECIPIENT_KINDS = ['hub', 'hub_partner', 'mentor'] as const;
export const TRANSFER_BASES = ['consent', 'contract', 'legal_obligation'] as const;

const upper = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toUpperCase() : value);

/** The register's filters (the page and the CSV take the same). */
export class TransferFilterQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  cohortId?: string;

  @ApiPropertyOptional({ example: 'JP', description: 'ISO 3166-1 alpha-2' })
  @IsOptional()
  @Transform(upper)
  @Matches(/^[A-Z]{2}$/, { message: 'country must be a two-letter ISO 3166-1 code, e.g. JP' })
  country?: string;

  @ApiPropertyOptional({ enum: RECIPIENT_KINDS })
  @IsOptional()
  @IsIn(RECIPIENT_KINDS)
  recipientKind?: (typeof RECIPIENT_KINDS)[number];
}

export class TransferQuery extends IntersectionType(PageQuery, TransferFilterQuery) {}

export class TransferView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) subjectUserId: string;
  @ApiProperty({ type: String, nullable: true, description: 'The person, as identity names them now' })
  subjectName: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) cohortId: string | null;
  @ApiProperty({ type: String, nullable: true }) cohortName: string | null;
  @ApiProperty({ example: 'placement', description: 'What made it happen: placement or pairing' })
  sourceKind: string;
  @ApiProperty() sourceId: string;
  @ApiProperty({ enum: RECIPIENT_KINDS }) recipientKind: string;
  @ApiProperty({ example: 'Japan (Tokyo)' }) recipientName: string;
  @ApiProperty({ example: 'JP' }) country: string;
  @ApiProperty({ enum: DATA_CATEGORIES, isArray: true }) categories: string[];
  @ApiProperty({ enum: TRANSFER_BASES }) basis: string;
  @ApiProperty({ format: 'date-time' }) transferredAt: string;
}

export class TransferCountriesView {
  @ApiProperty({ type: [String], example: ['DE', 'JP', 'KR', 'SG'] }) countries: string[];
}
