import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { type AuthenticatedUser, Clock, CurrentUser, Public, Roles } from '@vgbf/core';
import { CohortsService } from './cohorts.service';
import { CohortView, CreateCohortDto, TransitionDto, UpdateCohortDto } from './dto/cohort.dto';

@ApiTags('cohorts')
@Controller('cohorts')
export class CohortsController {
  constructor(
    private readonly cohorts: CohortsService,
    private readonly clock: Clock,
  ) {}

  @Post()
  @Roles('staff', 'admin')
  @ApiCreatedResponse({ type: CohortView })
  @ApiConflictResponse({ description: 'cohort_name_taken' })
  create(@CurrentUser() actor: AuthenticatedUser, @Body() body: CreateCohortDto): Promise<CohortView> {
    return this.cohorts.create(actor, body);
  }

  @Get()
  @Roles('staff', 'admin')
  @ApiOkResponse({ type: [CohortView] })
  list(): Promise<CohortView[]> {
    return this.cohorts.list();
  }

  @Get('open')
  @Public()
  @ApiOkResponse({ type: [CohortView], description: 'Cohorts whose application window is open now' })
  listOpen(): Promise<CohortView[]> {
    return this.cohorts.listOpen(this.clock.now());
  }

  @Get(':id')
  @Roles('staff', 'admin')
  @ApiOkResponse({ type: CohortView })
  get(@Param('id', ParseUUIDPipe) id: string): Promise<CohortView> {
    return this.cohorts.get(id);
  }

  @Patch(':id')
  @Roles('staff', 'admin')
  @ApiOkResponse({ type: CohortView })
  update(
    @CurrentUser() actor: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateCohortDto,
  ): Promise<CohortView> {
    return this.cohorts.update(actor, id, body);
  }

  @Post(':id/transitions')
  @Roles('staff', 'admin')
  @HttpCode(200)
  @ApiOkResponse({ type: CohortView })
  @ApiConflictResponse({ description: 'illegal_cohort_transition' })
  transition(
    @CurrentUser() actor: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: TransitionDto,
  ): Promise<CohortView> {
    return this.cohorts.transition(actor, id, body);
  }
}
