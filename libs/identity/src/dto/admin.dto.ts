import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageQuery, ROLES, type Role, normalizedText } from '@vgbf/core';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { LANGUAGES, type Language } from '../entities/user.entity';

export const USER_STATUSES = ['active', 'invited', 'deactivated'] as const;
export type UserStatus = (typeof USER_STATUSES)[number];

/**
 * Roles an admin grants and removes by hand. Applicant and fellow are not among them: a person
 * registers to become an applicant and an accepted offer makes a fellow, so those stay as they are.
 */
export const ASSIGNABLE_ROLES = ['reviewer', 'mentor', 'staff', 'admin'] as const satisfies readonly Role[];
export type AssignableRole = (typeof ASSIGNABLE_ROLES)[number];

export class UserListQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Name or email; case and diacritics ignored' })
  @IsOptional()
  @Transform(normalizedText)
  @MaxLength(100)
  @IsString()
  q?: string;

  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional({ enum: USER_STATUSES })
  @IsOptional()
  @IsIn(USER_STATUSES)
  status?: UserStatus;
}

export class UserAdminView {
  @ApiProperty() id: string;
  @ApiProperty() email: string;
  @ApiProperty() fullName: string;
  @ApiProperty({ enum: ROLES, isArray: true }) roles: Role[];
  @ApiProperty({ enum: LANGUAGES }) language: Language;
  @ApiProperty({ enum: USER_STATUSES, description: 'invited: no password set yet' }) status: UserStatus;
  @ApiProperty() emailVerified: boolean;
  @ApiProperty() createdAt: string;
  @ApiProperty({ type: String, nullable: true }) deactivatedAt: string | null;
}

export class SetRolesDto {
  @ApiProperty({
    enum: ASSIGNABLE_ROLES,
    isArray: true,
    description: 'The assignable roles the account should hold; applicant and fellow are kept as they are',
  })
  @IsArray()
  @ArrayMaxSize(ASSIGNABLE_ROLES.length)
  @IsIn(ASSIGNABLE_ROLES, { each: true, message: `each role must be one of: ${ASSIGNABLE_ROLES.join(', ')}` })
  roles: AssignableRole[];
}

export class DeactivateDto {
  @ApiPropertyOptional({ description: 'Why, kept in the audit log', maxLength: 500 })
  @IsOptional()
  @Transform(normalizedText)
  @MaxLength(500)
  @IsString()
  reason?: string;
}

export const INVITATION_STATES = ['pending', 'expired'] as const;

export class InvitationView {
  @ApiProperty({ description: 'The invited account' }) userId: string;
  @ApiProperty() email: string;
  @ApiProperty() fullName: string;
  @ApiProperty({ enum: ROLES, isArray: true }) roles: Role[];
  @ApiProperty({ enum: LANGUAGES }) language: Language;
  @ApiProperty({ description: 'When the latest invitation email was issued' }) sentAt: string;
  @ApiProperty() expiresAt: string;
  @ApiProperty({ enum: INVITATION_STATES }) state: (typeof INVITATION_STATES)[number];
}
