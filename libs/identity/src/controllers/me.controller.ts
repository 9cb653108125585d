import { Body, Controller, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Authenticated, type AuthenticatedUser, CurrentUser } from '@vgbf/core';
import { AccountsService } from '../accounts.service';
import { ChangePasswordDto, UpdateMeDto, UserView } from '../dto/auth.dto';
import { toUserView } from '../users';

@ApiTags('me')
@Controller('me')
@Authenticated()
export class MeController {
  constructor(private readonly accounts: AccountsService) {}

  @Get()
  @ApiOkResponse({ type: UserView })
  async me(@CurrentUser() user: AuthenticatedUser): Promise<UserView> {
    return toUserView(await this.accounts.findUser(user.id));
  }

  @Patch()
  @ApiOkResponse({ type: UserView })
  async update(@CurrentUser() user: AuthenticatedUser, @Body() body: UpdateMeDto): Promise<UserView> {
    return toUserView(await this.accounts.updateProfile(user, body));
  }

  @Post('password')
  @HttpCode(204)
  async changePassword(@CurrentUser() user: AuthenticatedUser, @Body() body: ChangePasswordDto): Promise<void> {
    await this.accounts.changePassword(user, body);
  }
}
