import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { type AuthenticatedUser, CurrentUser, type Page, PageOf, PageQuery, Roles } from '@vgbf/core';
import { InvitationView } from '../dto/admin.dto';
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
  @ApiForbiddenResponse({ description: 'not_allowed: only an admin invites staff and admins' })
  @ApiConflictResponse({ description: 'email_taken' })
  async invite(@CurrentUser() actor: AuthenticatedUser, @Body() body: InviteDto): Promise<UserView> {
    return toUserView(await this.invitations.invite(actor, body));
  }

  @Get()
  @Roles('staff', 'admin')
  @ApiOkResponse({ type: PageOf(InvitationView), description: 'Invitations not accepted yet, latest first' })
  list(@Query() query: PageQuery): Promise<Page<InvitationView>> {
    return this.invitations.listPending(query);
  }

  @Post(':userId/resend')
  @Roles('staff', 'admin')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'A new link is emailed; the previous one stops working' })
  @ApiForbiddenResponse({ description: 'not_allowed: only an admin handles invitations of staff and admins' })
  @ApiNotFoundResponse({ description: 'user_not_found' })
  @ApiConflictResponse({ description: 'invitation_not_pending' })
  async resend(@CurrentUser() actor: AuthenticatedUser, @Param('userId', ParseUUIDPipe) userId: string): Promise<void> {
    await this.invitations.resend(actor, userId);
  }

  @Delete(':userId')
  @Roles('staff', 'admin')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The link stops working and the invited account is deactivated' })
  @ApiForbiddenResponse({ description: 'not_allowed: only an admin handles invitations of staff and admins' })
  @ApiNotFoundResponse({ description: 'user_not_found' })
  @ApiConflictResponse({ description: 'invitation_not_pending' })
  async revoke(@CurrentUser() actor: AuthenticatedUser, @Param('userId', ParseUUIDPipe) userId: string): Promise<void> {
    await this.invitations.revoke(actor, userId);
  }
}
