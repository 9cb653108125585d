import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { type AuthenticatedUser, CurrentUser, Roles } from '@vgbf/core';
import {
  ExtensionDto,
  MilestoneView,
  PutTemplateDto,
  ReviewQueueItemView,
  ReviewQueueQuery,
  TemplateView,
  TimelineView,
  TimelinesCreatedView,
} from './dto/milestone.dto';
import { MilestoneReadsService } from './milestone-reads.service';
import { MilestoneTemplatesService } from './timeline/templates.service';
import { TimelinesService } from './timeline/timelines.service';

/** Templates, timelines, extensions and the reads of milestones. */
@ApiTags('milestones')
@Controller()
export class MilestonesController {
  constructor(
    private readonly templates: MilestoneTemplatesService,
    private readonly timelines: TimelinesService,
    private readonly reads: MilestoneReadsService,
  ) {}

  @Get('cohorts/:cohortId/milestone-template')
  @Roles('staff', 'admin')
  @ApiOkResponse({
    type: TemplateView,
    description: "The cohort's template (copied from config for its track on first read)",
  })
  template(
    @CurrentUser() actor: AuthenticatedUser,
    @Param('cohortId', ParseUUIDPipe) cohortId: string,
  ): Promise<TemplateView> {
    return this.templates.get(actor, cohortId);
  }

  @Put('cohorts/:cohortId/milestone-template')
  @Roles('staff', 'admin')
  @ApiOkResponse({ type: TemplateView, description: 'The template replaced (order = position); audited' })
  @ApiBadRequestResponse({ description: 'validation_failed or invalid_milestone_input, with field errors' })
  @ApiConflictResponse({ description: 'programme_started: the programme start date has been reached' })
  putTemplate(
    @CurrentUser() actor: AuthenticatedUser,
    @Param('cohortId', ParseUUIDPipe) cohortId: string,
    @Body() body: PutTemplateDto,
  ): Promise<TemplateView> {
    return this.templates.put(actor, cohortId, body);
  }

  @Post('cohorts/:cohortId/milestones/timelines')
  @Roles('staff', 'admin')
  @ApiCreatedResponse({ type: TimelinesCreatedView, description: 'Every active fellow without a timeline gets one' })
  createTimelines(
    @CurrentUser() actor: AuthenticatedUser,
    @Param('cohortId', ParseUUIDPipe) cohortId: string,
  ): Promise<TimelinesCreatedView> {
    return this.timelines.create(actor, cohortId);
  }

  @Post('milestones/:id/extensions')
  @Roles('staff', 'admin')
  @ApiCreatedResponse({ type: MilestoneView, description: 'This milestone and every later one moved; audited' })
  @ApiConflictResponse({
    description:
      "extension_past_end_date: a milestone would move past the fellow's end date (endDate, lastDueOn, milestones); send moveEndDate: true to move the end date too",
  })
  extend(
    @CurrentUser() actor: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: ExtensionDto,
  ): Promise<MilestoneView> {
    return this.timelines.extend(actor, id, body);
  }

  @Get('milestones/mine')
  @Roles('fellow')
  @ApiOkResponse({ type: [TimelineView], description: "The caller's timelines, newest programme year first" })
  mine(@CurrentUser() actor: AuthenticatedUser): Promise<TimelineView[]> {
    return this.reads.mine(actor);
  }

  @Get('fellows/:fellowId/milestones')
  @Roles('mentor', 'staff', 'admin')
  @ApiOkResponse({ type: TimelineView })
  @ApiNotFoundResponse({ description: 'Not a fellow of the calling mentor (active pairing)' })
  forFellow(
    @CurrentUser() actor: AuthenticatedUser,
    @Param('fellowId', ParseUUIDPipe) fellowId: string,
  ): Promise<TimelineView> {
    return this.reads.forFellow(actor, fellowId);
  }

  @Get('milestones/review-queue')
  @Roles('mentor', 'staff', 'admin')
  @ApiOkResponse({ type: [ReviewQueueItemView], description: "Submitted milestones awaiting the caller's side" })
  reviewQueue(
    @CurrentUser() actor: AuthenticatedUser,
    @Query() query: ReviewQueueQuery,
  ): Promise<ReviewQueueItemView[]> {
    return this.reads.reviewQueue(actor, query.cohortId);
  }
}
