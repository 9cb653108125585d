import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
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
  ConfirmationView,
  OfferPreviewQuery,
  OfferPreviewView,
  ProposalView,
  SelectionRequestDto,
  SelectionStatusView,
} from './dto/selection.dto';
import { SelectionConfirmation } from './selection-confirmation';
import { SelectionStatus } from './selection-status';
import { SelectionService } from './selection.service';

/**
 * Staff select the cohort: an optimal proposal under their constraints, a preview of the offer email, the
 * confirmation, then the offers and the waitlist as applicants answer.
 */
@ApiTags('selection')
@Controller('cohorts/:cohortId/selection')
@Roles('staff', 'admin')
export class SelectionController {
  constructor(
    private readonly selection: SelectionService,
    private readonly confirmation: SelectionConfirmation,
    private readonly selectionStatus: SelectionStatus,
  ) {}

  @Get()
  @ApiOkResponse({ type: SelectionStatusView, description: 'Proposals, offers and waitlist of the cohort' })
  status(@Param('cohortId', ParseUUIDPipe) cohortId: string): Promise<SelectionStatusView> {
    return this.selectionStatus.view(cohortId);
  }

  @Post('proposals')
  @ApiCreatedResponse({ type: ProposalView, description: 'The optimal selection, its prices and waitlist' })
  @ApiBadRequestResponse({ description: 'validation_failed or invalid_selection, with field errors' })
  @ApiUnprocessableEntityResponse({ description: 'selection_infeasible, with `clash`: the constraints that clash' })
  @ApiConflictResponse({ description: 'selection_not_open (cohort not selecting) or selection_confirmed' })
  propose(
    @CurrentUser() actor: AuthenticatedUser,
    @Param('cohortId', ParseUUIDPipe) cohortId: string,
    @Body() body: SelectionRequestDto,
  ): Promise<ProposalView> {
    return this.selection.propose(actor, cohortId, body);
  }

  @Get('proposals/:id')
  @ApiOkResponse({ type: ProposalView })
  get(
    @Param('cohortId', ParseUUIDPipe) cohortId: string,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<ProposalView> {
    return this.selection.get(cohortId, id);
  }

  @Get('proposals/:id/offer-preview')
  @ApiOkResponse({ type: OfferPreviewView, description: 'The offer email in the candidate’s language; not sent' })
  offerPreview(
    @Param('cohortId', ParseUUIDPipe) cohortId: string,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: OfferPreviewQuery,
  ): Promise<OfferPreviewView> {
    return this.selection.offerPreview(cohortId, id, query.applicationId);
  }

  @Post('proposals/:id/confirm')
  @HttpCode(200)
  @ApiOkResponse({ type: ConfirmationView, description: 'Offers made and emailed, waitlist recorded' })
  @ApiConflictResponse({ description: 'selection_confirmed, proposal_superseded or proposal_stale' })
  confirm(
    @CurrentUser() actor: AuthenticatedUser,
    @Param('cohortId', ParseUUIDPipe) cohortId: string,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<ConfirmationView> {
    return this.confirmation.confirm(actor, cohortId, id);
  }
}
