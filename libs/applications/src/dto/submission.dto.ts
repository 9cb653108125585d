import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { InputValidationError } from '@vgbf/core';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { APPLICATION_STATUSES, type ApplicationStatus } from '../entities/application.entity';

export class WithdrawDto {
  @ApiPropertyOptional({ description: 'Why (optional), kept in the history' })
  @IsOptional()
  @MaxLength(1000)
  @IsString()
  reason?: string;
}

export class StatusChangeView {
  @ApiProperty({ enum: APPLICATION_STATUSES }) from: ApplicationStatus;
  @ApiProperty({ enum: APPLICATION_STATUSES }) to: ApplicationStatus;
  @ApiProperty({ nullable: true, type: String }) reason: string | null;
  @ApiProperty() at: string;
}

/** Idempotency-Key: optional; when given, 8–128 visible ASCII characters (a UUID is typical). */
export function parseIdempotencyKey(value: string | undefined): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (!/^[\x21-\x7e]{8,128}$/.test(value)) {
    throw new InputValidationError([
      { field: 'Idempotency-Key', message: 'Idempotency-Key must be 8–128 visible ASCII characters' },
    ]);
  }
  return value;
}
