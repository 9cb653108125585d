import type {} from '@fastify/multipart';
import { Body, Controller, Get, HttpCode, Post, Put, Query, Redirect, Req } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConsumes,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiSeeOtherResponse,
  ApiTags,
} from '@nestjs/swagger';
import { Authenticated, type AuthenticatedUser, CurrentUser, Public } from '@vgbf/core';
import type { FastifyRequest } from 'fastify';
import { NotificationSettingsDto, OneClickUnsubscribeDto, UnsubscribeQuery } from './dto/notification-settings.dto';
import { NotificationSettingsService } from './notification-settings.service';
import { OneClickBodyError } from './notifications.errors';

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

  /**
   * The link in an email. A GET changes nothing (mail scanners and previews follow links): a valid token
   * is sent on to the web page, whose button POSTs here. A forged or altered token is a 400.
   */
  @Get('notifications/unsubscribe')
  @Public()
  @Redirect(undefined, 303)
  @ApiSeeOtherResponse({ description: 'To the web page /unsubscribe?token=…, whose button unsubscribes' })
  @ApiBadRequestResponse({ description: 'unsubscribe_token_invalid: a forged, altered or unknown token' })
  async confirmUnsubscribe(@Query() query: UnsubscribeQuery): Promise<{ url: string }> {
    await this.settings.checkUnsubscribeToken(query.token);
    return { url: `/unsubscribe?token=${encodeURIComponent(query.token)}` };
  }

  /**
   * One-click unsubscribe (RFC 8058): mail clients POST `List-Unsubscribe=One-Click` (form-encoded) to the
   * List-Unsubscribe URL of an optional email; the web page's button does the same. The signed token is
   * the only credential: no session, no CSRF token. Turns optional emails off; repeating it changes nothing.
   */
  @Post('notifications/unsubscribe')
  @Public()
  @HttpCode(204)
  @ApiConsumes('application/x-www-form-urlencoded', 'multipart/form-data')
  @ApiNoContentResponse({ description: 'Optional emails are off' })
  @ApiBadRequestResponse({ description: 'unsubscribe_token_invalid, or a body other than List-Unsubscribe=One-Click' })
  async unsubscribe(
    @Query() query: UnsubscribeQuery,
    @Body() body: OneClickUnsubscribeDto,
    @Req() request: FastifyRequest,
  ): Promise<void> {
    const value = request.isMultipart()
      ? await multipartField(request, 'List-Unsubscribe')
      : body?.['List-Unsubscribe'];
    if (value !== 'One-Click') throw new OneClickBodyError();
    await this.settings.unsubscribe(query.token);
  }
}

/** One short text field of a multipart/form-data body (RFC 8058 prefers it); any file part is refused. */
async function multipartField(request: FastifyRequest, name: string): Promise<string | undefined> {
  let value: string | undefined;
  try {
    for await (const part of request.parts({ limits: { files: 0, fields: 5, fieldSize: 100 } })) {
      if (part.type === 'file') return undefined;
      if (part.fieldname === name && typeof part.value === 'string') value = part.value;
    }
  } catch {
    return undefined; // a malformed body or one over the limits: not a one-click request
  }
  return value;
}
