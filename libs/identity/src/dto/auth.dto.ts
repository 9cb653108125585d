import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
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
  MaxLength,
} from 'class-validator';
import { IsVisibleName, ROLES, type Role, normalizedText, trimmed } from '@vgbf/core';
import { PURPOSES, type Purpose } from '@vgbf/personal-data';
import { LANGUAGES, type Language } from '../entities/user.entity';
import { PASSWORD_MAX } from '../password-policy';

export class RegisterDto {
  @ApiProperty({ example: 'an.nguyen@example.vn' })
  @Transform(trimmed)
  @MaxLength(254)
  @IsEmail({}, { message: 'email must be a valid email address' })
  email: string;

  @ApiProperty({ minLength: 10, maxLength: PASSWORD_MAX })
  @IsString()
  @MaxLength(PASSWORD_MAX * 4)
  password: string;

  @ApiProperty({ example: 'Nguyễn Văn An' })
  @Transform(normalizedText)
  @IsVisibleName({ message: 'fullName must contain letters, not only invisible characters' })
  @MaxLength(120)
  @IsString()
  fullName: string;

  @ApiPropertyOptional({ enum: LANGUAGES, default: 'vi' })
  @IsOptional()
  @IsIn(LANGUAGES)
  language?: Language;

  @ApiPropertyOptional({
    enum: PURPOSES,
    isArray: true,
    description:
      'The purposes the person ticked (never pre-ticked), each under its current privacy notice (GET /privacy/notices); applying needs "application"',
  })
  @IsOptional()
  @IsArray({ message: 'consents must be a list of purposes' })
  @ArrayMaxSize(PURPOSES.length)
  @IsIn(PURPOSES, { each: true, message: `each consent must be one of: ${PURPOSES.join(', ')}` })
  consents?: Purpose[];
}

/**
 * Roles one may invite (staff and admin only by an admin); applicants register themselves and
 * fellows come from accepted offers.
 */
export const INVITABLE_ROLES = ['reviewer', 'mentor', 'staff', 'admin'] as const satisfies readonly Role[];

export class ForgotPasswordDto {
  @ApiProperty()
  @Transform(trimmed)
  @MaxLength(254)
  @IsEmail({}, { message: 'email must be a valid email address' })
  email: string;
}

export class ResetPasswordDto {
  @ApiProperty()
  @IsNotEmpty()
  @MaxLength(200)
  @IsString()
  token: string;

  @ApiProperty({ minLength: 10, maxLength: PASSWORD_MAX })
  @IsString()
  @MaxLength(PASSWORD_MAX * 4)
  password: string;
}

export class AcceptInvitationDto extends ResetPasswordDto {}

export class ChangePasswordDto {
  @ApiProperty()
  @IsNotEmpty()
  @MaxLength(PASSWORD_MAX * 4)
  @IsString()
  currentPassword: string;

  @ApiProperty({ minLength: 10, maxLength: PASSWORD_MAX })
  @IsString()
  @MaxLength(PASSWORD_MAX * 4)
  newPassword: string;
}

export class UpdateMeDto {
  @ApiPropertyOptional({ enum: LANGUAGES })
  @IsOptional()
  @IsIn(LANGUAGES)
  language?: Language;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(normalizedText)
  @IsVisibleName({ message: 'fullName must contain letters, not only invisible characters' })
  @MaxLength(120)
  @IsString()
  fullName?: string;
}

export class InviteDto {
  @ApiProperty()
  @Transform(trimmed)
  @MaxLength(254)
  @IsEmail({}, { message: 'email must be a valid email address' })
  email: string;

  @ApiProperty({ example: 'Phạm Minh Châu' })
  @Transform(normalizedText)
  @IsVisibleName({ message: 'fullName must contain letters, not only invisible characters' })
  @MaxLength(120)
  @IsString()
  fullName: string;

  @ApiProperty({ enum: INVITABLE_ROLES, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(INVITABLE_ROLES.length)
  @IsIn(INVITABLE_ROLES, { each: true, message: `each role must be one of: ${INVITABLE_ROLES.join(', ')}` })
  roles: Array<(typeof INVITABLE_ROLES)[number]>;

  @ApiPropertyOptional({ enum: LANGUAGES, default: 'vi' })
  @IsOptional()
  @IsIn(LANGUAGES)
  language?: Language;
}

export class VerifyEmailDto {
  @ApiProperty()
  @IsNotEmpty()
  @MaxLength(200)
  @IsString()
  token: string;
}

export class LoginDto {
  @ApiProperty()
  @Transform(trimmed)
  @MaxLength(254)
  @IsEmail({}, { message: 'email must be a valid email address' })
  email: string;

  @ApiProperty()
  @IsNotEmpty()
  @MaxLength(PASSWORD_MAX * 4)
  @IsString()
  password: string;
}

/** The answer to a registration, the same whether the address was new or already had an account. */
export class RegistrationAccepted {
  @ApiProperty({ description: 'The address an email was sent to (as given, trimmed)' })
  email: string;
}

export class UserView {
  @ApiProperty() id: string;
  @ApiProperty() email: string;
  @ApiProperty() fullName: string;
  @ApiProperty({ enum: ROLES, isArray: true }) roles: Role[];
  @ApiProperty({ enum: LANGUAGES }) language: Language;
  @ApiProperty() emailVerified: boolean;
}

export class LoginResult {
  @ApiProperty({ description: 'Bearer token for API clients; browsers use the httpOnly session cookie instead.' })
  token: string;
  @ApiProperty() expiresAt: string;
  @ApiProperty({ type: UserView }) user: UserView;
}
