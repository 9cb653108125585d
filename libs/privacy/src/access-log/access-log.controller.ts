import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Authenticated, type AuthenticatedUser, CurrentUser, type Page, PageOf, PageQuery, Roles } from '@vgbf/core';
import { AccessLogService } from './access-log.service';
import { AccessQuery, AccessView, MyAccessView } from './dto/access.dto';

/** The access log: staff and admins see it all (filter by person); a person sees who looked at their data. */
@ApiTags('privacy')
@Controller('privacy/access-log')
export class AccessLogController {
  constructor(private readonly log: AccessLogService) {}

  @Get()
  @Roles('staff', 'admin')
  @ApiOkResponse({ type: PageOf(AccessView), description: 'The log, newest first, paginated' })
  @ApiBadRequestResponse({ description: 'Bad filters' })
  list(@Query() query: AccessQuery): Promise<Page<AccessView>> {
    return this.log.list(query);
  }

  @Get('mine')
  @Authenticated()
  @ApiOkResponse({
    type: PageOf(MyAccessView),
    description:
      "Who opened the caller's application or documents, newest first: the role that did, not the person (reviewers stay anonymous to applicants)",
  })
  mine(@CurrentUser() actor: AuthenticatedUser, @Query() query: PageQuery): Promise<Page<MyAccessView>> {
    return this.log.mine(actor.id, query);
  }
}
