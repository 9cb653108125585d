import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Req } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Authenticated, type AuthenticatedUser, CurrentUser, Public, Roles } from '@vgbf/core';
import type { FastifyRequest } from 'fastify';
import { ConsentsService } from './consents.service';
import {
  ConsentChangeDto,
  NoticeView,
  OnBehalfConsentChangeDto,
  PersonConsentsView,
  PublishNoticeDto,
  PurposeNoticesView,
} from './dto/consent.dto';

@ApiTags('privacy')
@Controller('privacy')
export class ConsentsController {
  constructor(private readonly consents: ConsentsService) {}

  @Get('notices')
  @Public()
  @ApiOkResponse({ type: [NoticeView], description: "Each purpose's current privacy notice, in both languages" })
  notices(): Promise<NoticeView[]> {
    return this.consents.currentNotices();
  }

  @Get('notices/versions')
  @Roles('staff', 'admin')
  @ApiOkResponse({
    type: [PurposeNoticesView],
    description: 'Every version of every notice, with how many people consent per purpose',
  })
  noticeVersions(): Promise<PurposeNoticesView[]> {
    return this.consents.noticeHistory();
  }

  @Post('notices')
  @Roles('staff', 'admin')
  @ApiCreatedResponse({
    type: NoticeView,
    description: 'The next version of the purpose’s notice; a material one asks everyone to consent again. Audited.',
  })
  publish(@CurrentUser() actor: AuthenticatedUser, @Body() body: PublishNoticeDto): Promise<NoticeView> {
    return this.consents.publish(actor, body);
  }

  @Get('consents/mine')
  @Authenticated()
  @ApiOkResponse({ type: PersonConsentsView, description: 'My consents per purpose and every event behind them' })
  mine(@CurrentUser() actor: AuthenticatedUser): Promise<PersonConsentsView> {
    return this.consents.person(actor.id);
  }

  @Post('consents/mine')
  @Authenticated()
  @HttpCode(200)
  @ApiOkResponse({
    type: PersonConsentsView,
    description: 'Gives (under the current notice) or withdraws one of my consents; the device is the User-Agent',
  })
  changeMine(
    @CurrentUser() actor: AuthenticatedUser,
    @Body() body: ConsentChangeDto,
    @Req() request: FastifyRequest,
  ): Promise<PersonConsentsView> {
    return this.consents.changeOwn(actor, body, request.headers['user-agent'] ?? null);
  }

  @Get('consents/users/:userId')
  @Roles('staff', 'admin')
  @ApiOkResponse({ type: PersonConsentsView, description: "A person's consents and every event behind them" })
  person(@Param('userId', ParseUUIDPipe) userId: string): Promise<PersonConsentsView> {
    return this.consents.person(userId);
  }

  @Post('consents/users/:userId')
  @Roles('staff', 'admin')
  @HttpCode(200)
  @ApiOkResponse({
    type: PersonConsentsView,
    description:
      'Records a consent the person gave or withdrew through another channel (on paper, by phone), with the reason; audited',
  })
  changeOnBehalf(
    @CurrentUser() actor: AuthenticatedUser,
    @Param('userId', ParseUUIDPipe) userId: string,
    @Body() body: OnBehalfConsentChangeDto,
    @Req() request: FastifyRequest,
  ): Promise<PersonConsentsView> {
    // The device is read from the request, not declared as a parameter: every browser sends it.
    return this.consents.changeOnBehalf(actor, userId, body, request.headers['user-agent'] ?? null);
  }
}
