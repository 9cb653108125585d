import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Put, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { type AuthenticatedUser, CurrentUser, type Page, PageOf, Roles } from '@vgbf/core';
import { AssignmentsService } from './assignments.service';
import { ConflictsService } from './conflicts.service';
import { DecisionsService } from './decisions.service';
import { AssignmentView, AutoAssignDto, AutoAssignResult, ManualAssignDto } from './dto/assignment.dto';
import { ConflictDecisionDto, ConflictListQuery, ConflictView, DetectionResult } from './dto/conflict.dto';
import { DecisionDto, DecisionResult } from './dto/decision.dto';
import { ApplicationBreakdown, RankingQuery, RankingRow } from './dto/ranking.dto';
import { BlindApplication } from './dto/review.dto';
import { ReviewerProfileDto, ReviewerView } from './dto/reviewer.dto';
import { RoundView, RubricDto, UpdateRoundDto } from './dto/round.dto';
import { RankingService } from './ranking.service';
import { ReviewersService } from './reviewers.service';
import { ReviewsService } from './reviews.service';
import { RoundsService } from './rounds.service';

/** Staff running the selection committee of a cohort. */
@ApiTags('committee')
@Controller()
@Roles('staff', 'admin')
export class CommitteeController {
  constructor(
    private readonly rounds: RoundsService,
    private readonly reviewers: ReviewersService,
    private readonly conflicts: ConflictsService,
    private readonly assignments: AssignmentsService,
    private readonly ranking: RankingService,
    private readonly decisions: DecisionsService,
    private readonly reviews: ReviewsService,
  ) {}

  @Get('cohorts/:cohortId/review-round')
  @ApiOkResponse({ type: RoundView })
  round(@Param('cohortId', ParseUUIDPipe) cohortId: string): Promise<RoundView> {
    return this.rounds.view(cohortId);
  }

  @Patch('cohorts/:cohortId/review-round')
  @ApiOkResponse({ type: RoundView })
  updateRound(
    @CurrentUser() actor: AuthenticatedUser,
    @Param('cohortId', ParseUUIDPipe) cohortId: string,
    @Body() body: UpdateRoundDto,
  ): Promise<RoundView> {
    return this.rounds.update(actor, cohortId, body);
  }

  @Put('cohorts/:cohortId/review-round/rubric')
  @ApiOkResponse({ type: RoundView })
  @ApiConflictResponse({ description: 'rubric_locked: a review has been submitted on it' })
  updateRubric(
    @CurrentUser() actor: AuthenticatedUser,
    @Param('cohortId', ParseUUIDPipe) cohortId: string,
    @Body() body: RubricDto,
  ): Promise<RoundView> {
    return this.rounds.updateRubric(actor, cohortId, body);
  }

  @Get('reviewers')
  @ApiOkResponse({ type: [ReviewerView] })
  listReviewers(): Promise<ReviewerView[]> {
    return this.reviewers.list();
  }

  @Put('reviewers/:userId/profile')
  @ApiOkResponse({ type: ReviewerView })
  saveProfile(
    @CurrentUser() actor: AuthenticatedUser,
    @Param('userId', ParseUUIDPipe) userId: string,
    @Body() body: ReviewerProfileDto,
  ): Promise<ReviewerView> {
    return this.reviewers.saveProfile(actor, userId, body);
  }

  @Get('cohorts/:cohortId/conflicts')
  @ApiOkResponse({ type: [ConflictView] })
  listConflicts(
    @Param('cohortId', ParseUUIDPipe) cohortId: string,
    @Query() query: ConflictListQuery,
  ): Promise<ConflictView[]> {
    return this.conflicts.list(cohortId, query.status);
  }

  @Post('cohorts/:cohortId/conflicts/detect')
  @HttpCode(200)
  @ApiOkResponse({ type: DetectionResult, description: 'Likely conflicts are added as pending, for staff to decide' })
  detect(
    @CurrentUser() actor: AuthenticatedUser,
    @Param('cohortId', ParseUUIDPipe) cohortId: string,
  ): Promise<DetectionResult> {
    return this.conflicts.detect(actor, cohortId);
  }

  @Post('conflicts/:id/decision')
  @HttpCode(200)
  @ApiOkResponse({ type: ConflictView })
  decideConflict(
    @CurrentUser() actor: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: ConflictDecisionDto,
  ): Promise<ConflictView> {
    return this.conflicts.decide(actor, id, body.status, body.note);
  }

  @Post('cohorts/:cohortId/assignments/auto')
  @HttpCode(200)
  @ApiOkResponse({ type: AutoAssignResult })
  @ApiUnprocessableEntityResponse({ description: 'assignment_infeasible, with the applications short of reviewers' })
  @ApiConflictResponse({ description: 'review_round_not_open: the cohort is not reviewing' })
  autoAssign(
    @CurrentUser() actor: AuthenticatedUser,
    @Param('cohortId', ParseUUIDPipe) cohortId: string,
    @Body() body: AutoAssignDto,
  ): Promise<AutoAssignResult> {
    return this.assignments.autoAssign(actor, cohortId, body.keepExisting ?? true);
  }

  @Get('cohorts/:cohortId/assignments')
  @ApiOkResponse({ type: [AssignmentView] })
  listAssignments(@Param('cohortId', ParseUUIDPipe) cohortId: string): Promise<AssignmentView[]> {
    return this.assignments.list(cohortId);
  }

  @Post('cohorts/:cohortId/assignments')
  @ApiCreatedResponse({ type: AssignmentView })
  @ApiConflictResponse({ description: 'conflicted_pair, already_assigned or not_under_review' })
  assign(
    @CurrentUser() actor: AuthenticatedUser,
    @Param('cohortId', ParseUUIDPipe) cohortId: string,
    @Body() body: ManualAssignDto,
  ): Promise<AssignmentView> {
    return this.assignments.assign(actor, cohortId, body.applicationId, body.reviewerId);
  }

  @Delete('assignments/:id')
  @HttpCode(204)
  @ApiNoContentResponse()
  @ApiConflictResponse({ description: 'assignment_reviewed: the review stays' })
  unassign(@CurrentUser() actor: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.assignments.unassign(actor, id);
  }

  @Get('cohorts/:cohortId/ranking')
  @ApiOkResponse({
    type: PageOf(RankingRow),
    description: 'Best first by the chosen score, paginated; filters combine; ranks are over the whole board',
  })
  board(@Param('cohortId', ParseUUIDPipe) cohortId: string, @Query() query: RankingQuery): Promise<Page<RankingRow>> {
    return this.ranking.board(cohortId, query);
  }

  @Get('cohorts/:cohortId/ranking/:applicationId')
  @ApiOkResponse({ type: ApplicationBreakdown })
  breakdown(
    @Param('cohortId', ParseUUIDPipe) cohortId: string,
    @Param('applicationId', ParseUUIDPipe) applicationId: string,
  ): Promise<ApplicationBreakdown> {
    return this.ranking.breakdown(cohortId, applicationId);
  }

  @Get('applications/:id/blind-preview')
  @ApiOkResponse({ type: BlindApplication, description: 'What the application’s reviewers read: blind and redacted' })
  blindPreview(@Param('id', ParseUUIDPipe) id: string): Promise<BlindApplication> {
    return this.reviews.preview(id);
  }

  @Post('applications/:id/decisions')
  @HttpCode(200)
  @ApiOkResponse({ type: DecisionResult })
  @ApiConflictResponse({ description: 'illegal_application_transition' })
  decide(
    @CurrentUser() actor: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: DecisionDto,
  ): Promise<DecisionResult> {
    return this.decisions.decide(actor, id, body.decision, body.rationale, body.interviewScores);
  }
}
