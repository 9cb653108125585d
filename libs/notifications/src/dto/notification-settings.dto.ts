import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { DELIVERIES, type Delivery } from '../entities/notification-preference.entity';

/** The signed-in person's notification settings. */
export class NotificationSettingsDto {
  @ApiProperty({ enum: DELIVERIES, description: 'immediate: each email at once; digest: one email a day (18:00)' })
  @IsIn(DELIVERIES, { message: `delivery must be one of: ${DELIVERIES.join(', ')}` })
  delivery: Delivery;

  @ApiProperty({ description: 'false stops optional emails; mandatory ones (overdue milestones) still come' })
  @IsBoolean({ message: 'optionalEmails must be true or false' })
  optionalEmails: boolean;
}

export class UnsubscribeQuery {
  @ApiProperty({ description: 'The signed token of the link in an optional email' })
  @MaxLength(200)
  @Matches(/^[0-9a-f-]{36}\.[A-Za-z0-9_-]+$/, { message: 'token is not an unsubscribe token' })
  @IsNotEmpty({ message: 'token is required' })
  @IsString()
  token: string;
}

/**
 * The body of a one-click unsubscribe (RFC 8058): `List-Unsubscribe=One-Click`, form-encoded or as a
 * multipart/form-data field (read by the controller: a multipart body reaches it as a stream).
 */
export class OneClickUnsubscribeDto {
  @ApiProperty({ name: 'List-Unsubscribe', enum: ['One-Click'] })
  @IsOptional()
  @IsIn(['One-Click'], { message: 'List-Unsubscribe must be One-Click' })
  'List-Unsubscribe'?: 'One-Click';
}
