import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Put } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { type AuthenticatedUser, CurrentUser, Roles } from '@vgbf/core';
import { FellowGoalsDto, FellowView, UpdateFellowDto } from './dto/fellow.dto';
import { FellowsService } from './fellows.service';

/** Fellows: their own record; staff see a cohort's fellows and adjust one (dates, status). */
@ApiTags('fellows')
@Controller()
export class FellowsController {
  constructor(private readonly fellows: FellowsService) {}

  @Get('fellows/me')
  @Roles('fellow')
  @ApiOkResponse({ type: [FellowView], description: "The caller's programme years, newest first" })
  mine(@CurrentUser() actor: AuthenticatedUser): Promise<FellowView[]> {
    return this.fellows.mine(actor);
  }

  @Put('fellows/:id/goals')
  @Roles('fellow', 'staff', 'admin')
  @ApiOkResponse({ type: FellowView, description: 'What the fellow wants from a mentor (their own record, or staff)' })
  setGoals(
    @CurrentUser() actor: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() input: FellowGoalsDto,
  ): Promise<FellowView> {
    return this.fellows.setGoals(actor, id, input);
  }

  @Get('cohorts/:cohortId/fellows')
  @Roles('staff', 'admin')
  @ApiOkResponse({ type: [FellowView] })
  list(@Param('cohortId', ParseUUIDPipe) cohortId: string): Promise<FellowView[]> {
    return this.fellows.listCohort(cohortId);
  }

  @Get('fellows/:id')
  @Roles('staff', 'admin')
  @ApiOkResponse({ type: FellowView })
  get(@Param('id', ParseUUIDPipe) id: string): Promise<FellowView> {
    return this.fellows.get(id);
  }

  @Patch('fellows/:id')
  @Roles('staff', 'admin')
  @ApiOkResponse({ type: FellowView, description: 'Dates (e.g. a visa delay), status or goals; the reason is audited' })
  update(
    @CurrentUser() actor: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() input: UpdateFellowDto,
  ): Promise<FellowView> {
    return this.fellows.update(actor, id, input);
  }
}
