import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { InputValidationError, IsVisibleName, normalizedText } from '@vgbf/core';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { APPLICATION_STATUSES, type ApplicationStatus } from '../entities/application.entity';

export const REOPEN_DEFAULT_DAYS = 7;
export const REOPEN_MAX_DAYS = 30;

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
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Staff: the note kept with the change; others: only their own',
  })
  reason: string | null;
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

/** Staff reopen one draft's submission after its cohort stopped taking them. */
export class ReopenSubmissionDto {
  @ApiProperty({ example: 'The applicant was in hospital the week of the deadline', description: 'Audited' })
  @Transform(normalizedText)
  @MaxLength(1000)
  @IsVisibleName({ message: 'reason is required' })
  @IsString()
  reason: string;

  @ApiPropertyOptional({
    example: 7,
    minimum: 1,
    maximum: REOPEN_MAX_DAYS,
    default: REOPEN_DEFAULT_DAYS,
    description: 'How many days the applicant has to edit and submit',
  })
  @IsOptional()
  @Max(REOPEN_MAX_DAYS)
  @Min(1)
  @IsInt()
  days?: number;
}
