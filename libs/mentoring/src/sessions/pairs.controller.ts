import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { type AuthenticatedUser, CurrentUser, Roles } from '@vgbf/core';
import { CohortPairsView, MyPairsView, PairActivityView } from './pair.dto';
import { PairsService } from './pairs.service';

/** Mentoring pairs: each side sees its own, staff see a cohort's with their stats. */
@ApiTags('mentoring')
@Controller()
export class PairsController {
  constructor(private readonly pairs: PairsService) {}

  @Get('mentoring/pairs')
  @Roles('mentor', 'fellow')
  @ApiOkResponse({ type: MyPairsView, description: 'A mentor’s fellows, a fellow’s mentor, with stats' })
  mine(@CurrentUser() actor: AuthenticatedUser): Promise<MyPairsView> {
    return this.pairs.mine(actor);
  }

  @Get('cohorts/:cohortId/mentoring/pairs')
  @Roles('staff', 'admin')
  @ApiOkResponse({ type: CohortPairsView, description: 'Every pair with its stats, and the cohort’s totals' })
  @ApiNotFoundResponse({ description: 'cohort_not_found' })
  cohort(
    @CurrentUser() actor: AuthenticatedUser,
    @Param('cohortId', ParseUUIDPipe) cohortId: string,
  ): Promise<CohortPairsView> {
    return this.pairs.cohort(actor, cohortId);
  }

  @Get('mentoring/pairs/:pairingId/activity')
  @Roles('staff', 'admin')
  @ApiOkResponse({ type: PairActivityView, description: 'The pair’s sessions and both sides’ feedback' })
  activity(
    @CurrentUser() actor: AuthenticatedUser,
    @Param('pairingId', ParseUUIDPipe) pairingId: string,
  ): Promise<PairActivityView> {
    return this.pairs.activity(actor, pairingId);
  }
}
