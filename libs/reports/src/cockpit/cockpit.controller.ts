import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { type AuthenticatedUser, CurrentUser, Roles } from '@vgbf/core';
import { CockpitView } from './cockpit.dto';
import { CockpitService } from './cockpit.service';

/** The staff home's figures: each cohort's stage and the work waiting in it. */
@ApiTags('reports')
@Controller('cockpit')
@Roles('staff', 'admin')
export class CockpitController {
  constructor(private readonly cockpit: CockpitService) {}

  @Get()
  @ApiOkResponse({ type: CockpitView, description: 'Every cohort, newest first, with its “needs attention” counts' })
  get(@CurrentUser() actor: AuthenticatedUser): Promise<CockpitView> {
    return this.cockpit.cockpit(actor);
  }
}
