import { Body, Controller, Get, Headers, HttpCode, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Authenticated, type AuthenticatedUser, CurrentUser, Roles } from '@vgbf/core';
import { AnnouncementsService } from './announcements.service';
import {
  AnnouncementDto,
  AnnouncementListQuery,
  AnnouncementPreviewView,
  AnnouncementTemplateView,
  AnnouncementView,
  MyAnnouncementView,
  TemplatesQuery,
  parseIdempotencyKey,
} from './dto/announcement.dto';

@ApiTags('announcements')
@Controller('announcements')
export class AnnouncementsController {
  constructor(private readonly announcements: AnnouncementsService) {}

  @Get('mine')
  @Authenticated()
  @ApiOkResponse({
    type: [MyAnnouncementView],
    description: 'Announcements addressed to me, newest first (the latest 50)',
  })
  mine(@CurrentUser() actor: AuthenticatedUser): Promise<MyAnnouncementView[]> {
    return this.announcements.mine(actor.id);
  }

  @Get('templates')
  @Roles('staff', 'admin')
  @ApiOkResponse({
    type: [AnnouncementTemplateView],
    description: "In both languages, with the cohort's name and deadline",
  })
  templates(@Query() query: TemplatesQuery): Promise<AnnouncementTemplateView[]> {
    return this.announcements.templates(query.cohortId);
  }

  @Get()
  @Roles('staff', 'admin')
  @ApiOkResponse({ type: [AnnouncementView], description: 'Sent announcements, newest first (the latest 200)' })
  list(@Query() query: AnnouncementListQuery): Promise<AnnouncementView[]> {
    return this.announcements.list(query.cohortId);
  }

  @Post('preview')
  @Roles('staff', 'admin')
  @HttpCode(200)
  @ApiOkResponse({
    type: AnnouncementPreviewView,
    description: 'The email in each language and the recipient count; nothing is written',
  })
  preview(@Body() body: AnnouncementDto): Promise<AnnouncementPreviewView> {
    return this.announcements.preview(body);
  }

  @Post()
  @Roles('staff', 'admin')
  @ApiHeader({ name: 'idempotency-key', required: false, description: 'A retry with the same key sends nothing more' })
  @ApiCreatedResponse({
    type: AnnouncementView,
    description:
      'One email per recipient through the outbox, in the same transaction; audited; 409 when the audience is empty',
  })
  send(
    @CurrentUser() actor: AuthenticatedUser,
    @Body() body: AnnouncementDto,
    @Headers('idempotency-key') idempotencyKey?: string,
  ): Promise<AnnouncementView> {
    return this.announcements.send(actor, body, parseIdempotencyKey(idempotencyKey));
  }
}
