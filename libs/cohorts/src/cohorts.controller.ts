import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Put } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { type AuthenticatedUser, Clock, CurrentUser, Public, Roles } from '@vgbf/core';
import { CohortSetupService } from './cohort-setup.service';
import { CohortsService } from './cohorts.service';
import { FeedbackCheckpointsDto, FeedbackCheckpointsView } from './feedback/feedback-checkpoints.dto';
import { FeedbackCheckpointsService } from './feedback/feedback-checkpoints.service';
import {
  CohortView,
  CopyCohortDto,
  CreateCohortDto,
  HubsDto,
  TransitionDto,
  TransitionOptionView,
  UpdateCohortDto,
} from './dto/cohort.dto';

@ApiTags('cohorts')
@Controller('cohorts')
export class CohortsController {
  constructor(
    private readonly cohorts: CohortsService,
    private readonly setup: CohortSetupService,
    private readonly checkpoints: FeedbackCheckpointsService,
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

  @Put(':id/hubs')
  @Roles('staff', 'admin')
  @ApiOkResponse({ type: CohortView, description: 'Hubs replaced (kept by code); audited' })
  @ApiConflictResponse({ description: 'cohort_settings_locked: the cohort is past open' })
  replaceHubs(
    @CurrentUser() actor: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: HubsDto,
  ): Promise<CohortView> {
    return this.setup.replaceHubs(actor, id, body.hubs);
  }

  @Get(':id/feedback-checkpoints')
  @Roles('staff', 'admin')
  @ApiOkResponse({ type: FeedbackCheckpointsView })
  feedbackCheckpoints(@Param('id', ParseUUIDPipe) id: string): Promise<FeedbackCheckpointsView> {
    return this.checkpoints.view(id);
  }

  @Put(':id/feedback-checkpoints')
  @Roles('staff', 'admin')
  @ApiOkResponse({ type: FeedbackCheckpointsView, description: 'The checkpoints replaced (order kept); audited' })
  @ApiConflictResponse({ description: 'feedback_checkpoints_locked: the programme has started' })
  replaceFeedbackCheckpoints(
    @CurrentUser() actor: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: FeedbackCheckpointsDto,
  ): Promise<FeedbackCheckpointsView> {
    return this.checkpoints.replace(actor, id, body);
  }

  @Post(':id/copy')
  @Roles('staff', 'admin')
  @ApiCreatedResponse({
    type: CohortView,
    description: 'A draft a year later with the hubs, eligibility, rubric and milestone template; audited',
  })
  @ApiConflictResponse({ description: 'cohort_name_taken' })
  copy(
    @CurrentUser() actor: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: CopyCohortDto,
  ): Promise<CohortView> {
    return this.setup.copy(actor, id, body);
  }

  @Get(':id/transitions')
  @Roles('staff', 'admin')
  @ApiOkResponse({ type: [TransitionOptionView], description: 'The next statuses, each with its unmet preconditions' })
  transitionOptions(@Param('id', ParseUUIDPipe) id: string): Promise<TransitionOptionView[]> {
    return this.cohorts.transitionOptions(id);
  }

  @Post(':id/transitions')
  @Roles('staff', 'admin')
  @HttpCode(200)
  @ApiOkResponse({ type: CohortView })
  @ApiConflictResponse({
    description: 'illegal_cohort_transition, or cohort_transition_blocked with the unmet preconditions',
  })
  transition(
    @CurrentUser() actor: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: TransitionDto,
  ): Promise<CohortView> {
    return this.cohorts.transition(actor, id, body);
  }
}
