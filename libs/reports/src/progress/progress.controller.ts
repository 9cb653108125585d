import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { type AuthenticatedUser, CurrentUser, Roles } from '@vgbf/core';
import {
  AcknowledgeDto,
  AcknowledgementView,
  AtRiskPageQuery,
  AtRiskView,
  CohortProgressView,
  ProgressPageQuery,
} from './progress.dto';
import { ProgressService } from './progress.service';

/** A cohort's progress and its at-risk fellows, for staff. */
@ApiTags('reports')
@Controller('cohorts/:cohortId')
@Roles('staff', 'admin')
export class ProgressController {
  constructor(private readonly progress: ProgressService) {}

  @Get('progress')
  @ApiOkResponse({
    type: CohortProgressView,
    description: 'A page of the fellows’ progress (by name), with their at-risk flags, and the whole cohort’s figures',
  })
  @ApiBadRequestResponse({ description: 'Bad page or pageSize' })
  @ApiNotFoundResponse({ description: 'cohort_not_found' })
  cohort(
    @Param('cohortId', ParseUUIDPipe) cohortId: string,
    @Query() query: ProgressPageQuery,
  ): Promise<CohortProgressView> {
    return this.progress.progress(cohortId, query);
  }

  @Get('at-risk')
  @ApiOkResponse({ type: AtRiskView, description: 'A page of the fellows with at least one flag (by name), each with its reasons' })
  @ApiBadRequestResponse({ description: 'Bad page or pageSize' })
  @ApiNotFoundResponse({ description: 'cohort_not_found' })
  atRisk(@Param('cohortId', ParseUUIDPipe) cohortId: string, @Query() query: AtRiskPageQuery): Promise<AtRiskView> {
    return this.progress.atRisk(cohortId, query);
  }

  @Post('at-risk/:fellowId/acknowledgements')
  @HttpCode(201)
  @ApiCreatedResponse({ type: AcknowledgementView })
  @ApiNotFoundResponse({ description: 'cohort_not_found, fellow_not_found' })
  acknowledge(
    @CurrentUser() actor: AuthenticatedUser,
    @Param('cohortId', ParseUUIDPipe) cohortId: string,
    @Param('fellowId', ParseUUIDPipe) fellowId: string,
    @Body() body: AcknowledgeDto,
  ): Promise<AcknowledgementView> {
    return this.progress.acknowledge(actor, cohortId, fellowId, body);
  }
}
