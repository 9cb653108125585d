import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { type AuthenticatedUser, CurrentUser, Roles } from '@vgbf/core';
import { FellowView } from '@vgbf/fellows';
import {
  FellowConstraintsDto,
  MovePlacementDto,
  PlacementFellowView,
  PlacementOverview,
  PlacementProposalView,
  PlacementRequestDto,
} from './dto/placement.dto';
import { PlacementService } from './placement.service';

/** Staff place the cohort's fellows in hubs: constraints, an optimal proposal with reasons, confirmation, moves. */
@ApiTags('placement')
@Controller()
@Roles('staff', 'admin')
export class PlacementController {
  constructor(private readonly placement: PlacementService) {}

  @Get('cohorts/:cohortId/placement')
  @ApiOkResponse({ type: PlacementOverview, description: 'Hubs, fellows with their constraints, the newest proposal' })
  overview(@Param('cohortId', ParseUUIDPipe) cohortId: string): Promise<PlacementOverview> {
    return this.placement.overview(cohortId);
  }

  @Put('cohorts/:cohortId/placement/constraints/:fellowId')
  @ApiOkResponse({ type: PlacementFellowView, description: 'The fellow’s lock and forbidden hubs, replaced' })
  @ApiBadRequestResponse({ description: 'validation_failed or invalid_placement, with field errors' })
  setConstraints(
    @CurrentUser() actor: AuthenticatedUser,
    @Param('cohortId', ParseUUIDPipe) cohortId: string,
    @Param('fellowId', ParseUUIDPipe) fellowId: string,
    @Body() body: FellowConstraintsDto,
  ): Promise<PlacementFellowView> {
    return this.placement.setConstraints(actor, cohortId, fellowId, body);
  }

  @Post('cohorts/:cohortId/placement/proposals')
  @ApiCreatedResponse({ type: PlacementProposalView, description: 'The optimal placement, with reasons per fellow' })
  @ApiBadRequestResponse({ description: 'validation_failed or invalid_placement, with field errors' })
  @ApiUnprocessableEntityResponse({ description: 'placement_infeasible, with `reasons` (each with a sentence)' })
  @ApiConflictResponse({ description: 'placement_confirmed or no_fellows' })
  propose(
    @CurrentUser() actor: AuthenticatedUser,
    @Param('cohortId', ParseUUIDPipe) cohortId: string,
    @Body() body: PlacementRequestDto,
  ): Promise<PlacementProposalView> {
    return this.placement.propose(actor, cohortId, body);
  }

  @Get('cohorts/:cohortId/placement/proposals/:id')
  @ApiOkResponse({ type: PlacementProposalView })
  proposal(
    @Param('cohortId', ParseUUIDPipe) cohortId: string,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<PlacementProposalView> {
    return this.placement.proposal(cohortId, id);
  }

  @Post('cohorts/:cohortId/placement/proposals/:id/confirm')
  @HttpCode(200)
  @ApiOkResponse({ type: PlacementProposalView, description: 'Every fellow placed and emailed' })
  @ApiConflictResponse({ description: 'placement_confirmed, proposal_superseded or proposal_stale' })
  confirm(
    @CurrentUser() actor: AuthenticatedUser,
    @Param('cohortId', ParseUUIDPipe) cohortId: string,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<PlacementProposalView> {
    return this.placement.confirm(actor, cohortId, id);
  }

  @Put('fellows/:id/placement')
  @ApiOkResponse({ type: FellowView, description: 'The fellow moved; the reason audited and emailed to them' })
  @ApiConflictResponse({ description: 'placement_not_confirmed or hub_full' })
  move(
    @CurrentUser() actor: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: MovePlacementDto,
  ): Promise<FellowView> {
    return this.placement.move(actor, id, body);
  }
}
