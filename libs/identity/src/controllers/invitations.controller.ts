import { Body, Controller, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import { type AuthenticatedUser, CurrentUser, Roles } from '@vgbf/core';
import { InviteDto, UserView } from '../dto/auth.dto';
import { InvitationsService } from '../invitations.service';
import { toUserView } from '../users';

@ApiTags('invitations')
@Controller('invitations')
export class InvitationsController {
  constructor(private readonly invitations: InvitationsService) {}

  @Post()
  @Roles('staff', 'admin')
  @ApiCreatedResponse({
    type: UserView,
    description: 'The invited account (no password yet); the invitation email is queued.',
  })
  @ApiConflictResponse({ description: 'email_taken' })
  async invite(@CurrentUser() actor: AuthenticatedUser, @Body() body: InviteDto): Promise<UserView> {
    return toUserView(await this.invitations.invite(actor, body));
  }
}
