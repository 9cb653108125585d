import { Controller, Delete, Get, Header, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiProduces,
  ApiProperty,
  ApiTags,
} from '@nestjs/swagger';
import { Authenticated, type AuthenticatedUser, CurrentUser, Public } from '@vgbf/core';
import { CalendarService } from './calendar.service';

export class CalendarFeedUrl {
  @ApiProperty({ example: 'https://vgbf.example/api/v1/calendar/3q2-…xyz.ics', description: 'Shown once' })
  url: string;
}

/** The signed-in user's secret iCal feed, and the feed itself (its URL is the credential). */
@ApiTags('calendar')
@Controller()
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  @Post('me/calendar')
  @Authenticated()
  @ApiCreatedResponse({ type: CalendarFeedUrl, description: 'A new secret URL; the previous one stops working' })
  rotate(@CurrentUser() actor: AuthenticatedUser): Promise<CalendarFeedUrl> {
    return this.calendar.rotate(actor);
  }

  @Delete('me/calendar')
  @Authenticated()
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The feed URL stops working' })
  revoke(@CurrentUser() actor: AuthenticatedUser): Promise<void> {
    return this.calendar.revoke(actor);
  }

  @Get('calendar/:token.ics')
  @Public()
  @Header('Content-Type', 'text/calendar; charset=utf-8')
  // Personal: no shared cache keeps a copy.
  @Header('Cache-Control', 'private, no-store')
  @ApiProduces('text/calendar')
  @ApiOkResponse({ description: 'Sessions as events, action items with a due date as all-day events' })
  @ApiNotFoundResponse({ description: 'calendar_not_found: unknown or revoked' })
  feed(@Param('token') token: string): Promise<string> {
    return this.calendar.feed(token);
  }
}
