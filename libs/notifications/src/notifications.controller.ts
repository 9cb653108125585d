import { Body, Controller, Get, Header, Put, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Authenticated, type AuthenticatedUser, CurrentUser, Public } from '@vgbf/core';
import { NotificationSettingsDto, UnsubscribeQuery } from './dto/notification-settings.dto';
import { NotificationSettingsService } from './notification-settings.service';

const UNSUBSCRIBED_PAGE = `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>VGBF</title></head>
<body style="font-family:Arial,sans-serif;line-height:1.5;color:#222;max-width:36em;margin:2em auto">
<p>Bạn sẽ không nhận các email nhắc nhở không bắt buộc nữa. Thông báo bắt buộc (cột mốc quá hạn) vẫn được gửi.</p>
<p lang="en">You will no longer get optional reminder emails. Mandatory notices (overdue milestones) still come.</p>
<p lang="en">Change this at any time in your notification settings.</p>
</body></html>`;

/** The signed-in person's notification settings, and the unsubscribe link of optional emails. */
@ApiTags('notifications')
@Controller()
export class NotificationsController {
  constructor(private readonly settings: NotificationSettingsService) {}

  @Get('me/notifications')
  @Authenticated()
  @ApiOkResponse({ type: NotificationSettingsDto })
  get(@CurrentUser() actor: AuthenticatedUser): Promise<NotificationSettingsDto> {
    return this.settings.get(actor.id);
  }

  @Put('me/notifications')
  @Authenticated()
  @ApiOkResponse({ type: NotificationSettingsDto })
  @ApiBadRequestResponse({ description: 'Field errors' })
  update(
    @CurrentUser() actor: AuthenticatedUser,
    @Body() body: NotificationSettingsDto,
  ): Promise<NotificationSettingsDto> {
    return this.settings.update(actor.id, { delivery: body.delivery, optionalEmails: body.optionalEmails });
  }

  /** A GET because it is a link in an email; it only ever turns optional emails off, so a prefetch does no harm. */
  @Get('notifications/unsubscribe')
  @Public()
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  @ApiProduces('text/html')
  @ApiOkResponse({ description: 'Optional emails are off; a short confirmation page' })
  @ApiBadRequestResponse({ description: 'unsubscribe_token_invalid: a forged, altered or unknown token' })
  async unsubscribe(@Query() query: UnsubscribeQuery): Promise<string> {
    await this.settings.unsubscribe(query.token);
    return UNSUBSCRIBED_PAGE;
  }
}
