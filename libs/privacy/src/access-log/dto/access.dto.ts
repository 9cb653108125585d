import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageQuery, normalizedText } from '@vgbf/core';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

export const ACCESS_RESOURCES = ['application', 'document'] as const;

export class AccessQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'The person whose data was opened' })
  @IsOptional()
  @IsUUID()
  subjectUserId?: string;

  @ApiPropertyOptional({ description: "Part of the person's name or email; case and diacritics ignored" })
  @IsOptional()
  @Transform(normalizedText)
  @MaxLength(100)
  @IsString()
  subject?: string;
}

export class AccessView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) actorUserId: string;
  @ApiProperty({ type: String, nullable: true }) actorName: string | null;
  @ApiProperty({ type: [String], nullable: true, description: "The actor's roles now" }) actorRoles: string[] | null;
  @ApiProperty({ format: 'uuid' }) subjectUserId: string;
  @ApiProperty({ type: String, nullable: true }) subjectName: string | null;
  @ApiProperty({ enum: ACCESS_RESOURCES }) resource: string;
  @ApiProperty() resourceId: string;
  @ApiProperty({ format: 'date-time' }) accessedAt: string;
}

export const ACCESS_ROLES = ['staff', 'reviewer', 'mentor', 'other'] as const;

/** One access to the caller's own data: by which kind of person, not by whom. */
export class MyAccessView {
  @ApiProperty({ enum: ACCESS_ROLES }) by: (typeof ACCESS_ROLES)[number];
  @ApiProperty({ enum: ACCESS_RESOURCES }) resource: string;
  @ApiProperty({ format: 'date-time' }) accessedAt: string;
}
