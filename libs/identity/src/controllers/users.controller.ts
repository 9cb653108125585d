import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { type AuthenticatedUser, CurrentUser, type Page, PageOf, Roles } from '@vgbf/core';
import { DeactivateDto, SetRolesDto, UserAdminView, UserListQuery } from '../dto/admin.dto';
import { UserAdminService } from '../user-admin.service';

/** The admin console's accounts: staff may look; only an admin changes roles or deactivates. */
@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UserAdminService) {}

  @Get()
  @Roles('staff', 'admin')
  @ApiOkResponse({ type: PageOf(UserAdminView), description: 'By name; filters combine' })
  list(@Query() query: UserListQuery): Promise<Page<UserAdminView>> {
    return this.users.list(query);
  }

  @Put(':id/roles')
  @Roles('admin')
  @ApiOkResponse({ type: UserAdminView })
  @ApiNotFoundResponse({ description: 'user_not_found' })
  @ApiConflictResponse({ description: 'own_account: an admin cannot remove their own admin role' })
  setRoles(
    @CurrentUser() actor: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: SetRolesDto,
  ): Promise<UserAdminView> {
    return this.users.setRoles(actor, id, body);
  }

  @Post(':id/deactivate')
  @Roles('admin')
  @HttpCode(200)
  @ApiOkResponse({ type: UserAdminView, description: 'Deactivated: its sessions are revoked, it cannot sign in' })
  @ApiNotFoundResponse({ description: 'user_not_found' })
  @ApiConflictResponse({ description: 'own_account: an admin cannot deactivate themselves' })
  deactivate(
    @CurrentUser() actor: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: DeactivateDto,
  ): Promise<UserAdminView> {
    return this.users.deactivate(actor, id, body);
  }

  @Post(':id/reactivate')
  @Roles('admin')
  @HttpCode(200)
  @ApiOkResponse({ type: UserAdminView })
  @ApiNotFoundResponse({ description: 'user_not_found' })
  reactivate(@CurrentUser() actor: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string): Promise<UserAdminView> {
    return this.users.reactivate(actor, id);
  }
}
