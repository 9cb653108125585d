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
import {
  MatchingFellowView,
  MatchingOverview,
  MatchingProposalView,
  MatchingRequestDto,
  PairConstraintsDto,
  RematchRequestDto,
  RematchRequestView,
  ResolveRematchDto,
} from './dto/matching.dto';
import { MatchingService } from './matching.service';
import { RematchService } from './rematch.service';

/** Staff match fellows with mentors; either side of a pair may ask for a rematch. */
@ApiTags('matching')
@Controller()
export class MatchingController {
  constructor(
    private readonly matching: MatchingService,
    private readonly rematches: RematchService,
  ) {}

  @Get('cohorts/:cohortId/matching')
  @Roles('staff', 'admin')
  @ApiOkResponse({
    type: MatchingOverview,
    description: 'Unmatched fellows, mentors, pairs, the open proposal, rematches',
  })
  overview(@Param('cohortId', ParseUUIDPipe) cohortId: string): Promise<MatchingOverview> {
    return this.matching.overview(cohortId);
  }

  @Put('cohorts/:cohortId/matching/constraints/:fellowId')
  @Roles('staff', 'admin')
  @ApiOkResponse({ type: MatchingFellowView, description: 'The fellow’s locked and forbidden mentors, replaced' })
  @ApiBadRequestResponse({ description: 'validation_failed or invalid_matching, with field errors' })
  setConstraints(
    @CurrentUser() actor: AuthenticatedUser,
    @Param('cohortId', ParseUUIDPipe) cohortId: string,
    @Param('fellowId', ParseUUIDPipe) fellowId: string,
    @Body() body: PairConstraintsDto,
  ): Promise<MatchingFellowView> {
    return this.matching.setConstraints(actor, cohortId, fellowId, body);
  }

  @Post('cohorts/:cohortId/matching/proposals')
  @Roles('staff', 'admin')
  @ApiCreatedResponse({ type: MatchingProposalView, description: 'The fairest then best matching, with reasons' })
  @ApiUnprocessableEntityResponse({ description: 'matching_infeasible, with `reasons` (each with a sentence)' })
  @ApiConflictResponse({ description: 'nothing_to_match' })
  propose(
    @CurrentUser() actor: AuthenticatedUser,
    @Param('cohortId', ParseUUIDPipe) cohortId: string,
    @Body() body: MatchingRequestDto,
  ): Promise<MatchingProposalView> {
    return this.matching.propose(actor, cohortId, body);
  }

  @Get('cohorts/:cohortId/matching/proposals/:id')
  @Roles('staff', 'admin')
  @ApiOkResponse({ type: MatchingProposalView })
  proposal(
    @Param('cohortId', ParseUUIDPipe) cohortId: string,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<MatchingProposalView> {
    return this.matching.proposal(cohortId, id);
  }

  @Post('cohorts/:cohortId/matching/proposals/:id/approve')
  @Roles('staff', 'admin')
  @HttpCode(200)
  @ApiOkResponse({ type: MatchingProposalView, description: 'Pairs made; both sides of each emailed' })
  @ApiConflictResponse({ description: 'proposal_closed or proposal_stale' })
  approve(
    @CurrentUser() actor: AuthenticatedUser,
    @Param('cohortId', ParseUUIDPipe) cohortId: string,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<MatchingProposalView> {
    return this.matching.approve(actor, cohortId, id);
  }

  @Get('cohorts/:cohortId/rematch-requests')
  @Roles('staff', 'admin')
  @ApiOkResponse({ type: [RematchRequestView] })
  rematchRequests(@Param('cohortId', ParseUUIDPipe) cohortId: string): Promise<RematchRequestView[]> {
    return this.rematches.list(cohortId);
  }

  @Post('mentoring/pairs/:pairingId/rematch-requests')
  @Roles('fellow', 'mentor')
  @ApiCreatedResponse({ type: RematchRequestView, description: 'Staff will answer; the pair stays until then' })
  @ApiConflictResponse({ description: 'rematch_already_requested' })
  requestRematch(
    @CurrentUser() actor: AuthenticatedUser,
    @Param('pairingId', ParseUUIDPipe) pairingId: string,
    @Body() body: RematchRequestDto,
  ): Promise<RematchRequestView> {
    return this.rematches.request(actor, pairingId, body);
  }

  @Post('rematch-requests/:id/resolve')
  @Roles('staff', 'admin')
  @HttpCode(200)
  @ApiOkResponse({ type: RematchRequestView })
  @ApiConflictResponse({ description: 'rematch_resolved' })
  resolve(
    @CurrentUser() actor: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: ResolveRematchDto,
  ): Promise<RematchRequestView> {
    return this.rematches.resolve(actor, id, body);
  }
}
