import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiExtraModels, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '@vgbf/core';
import { CompositionItem, DashboardView } from './dashboard.dto';
import { DashboardService } from './dashboard.service';

@ApiTags('reports')
@ApiExtraModels(CompositionItem)
@Controller('cohorts/:cohortId/dashboard')
@Roles('staff', 'admin')
export class DashboardController {
  constructor(private readonly dashboards: DashboardService) {}

  @Get()
  @ApiOkResponse({ type: DashboardView, description: 'Funnel, composition, milestones over time, sessions, at-risk' })
  @ApiNotFoundResponse({ description: 'cohort_not_found' })
  dashboard(@Param('cohortId', ParseUUIDPipe) cohortId: string): Promise<DashboardView> {
    return this.dashboards.dashboard(cohortId);
  }
}
