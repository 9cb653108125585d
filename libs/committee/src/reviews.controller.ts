import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { type AuthenticatedUser, CurrentUser, Roles } from '@vgbf/core';
import { ConflictsService } from './conflicts.service';
import { ApplicantMatch, ApplicantSearchQuery, ConflictView, DeclareConflictDto } from './dto/conflict.dto';
import { BlindReviewView, MyAssignment, ReviewView, SubmitReviewDto } from './dto/review.dto';
import { ReviewsService } from './reviews.service';

/** The reviewer's own work: assignments, blind applications, reviews, and conflicts they declare. */
@ApiTags('reviews')
@Controller('reviews')
@Roles('reviewer')
export class ReviewersController {
  constructor(
    private readonly reviews: ReviewsService,
    private readonly conflicts: ConflictsService,
  ) {}

  @Get('assignments')
  @ApiOkResponse({ type: [MyAssignment], description: 'The actor’s assignments only, unreviewed first' })
  mine(@CurrentUser() actor: AuthenticatedUser): Promise<MyAssignment[]> {
    return this.reviews.mine(actor);
  }

  @Get('assignments/:assignmentId')
  @ApiOkResponse({ type: BlindReviewView, description: 'Blind: no name, birth date, gender, contacts or referees' })
  blind(
    @CurrentUser() actor: AuthenticatedUser,
    @Param('assignmentId', ParseUUIDPipe) assignmentId: string,
  ): Promise<BlindReviewView> {
    return this.reviews.blind(actor, assignmentId);
  }

  @Put('assignments/:assignmentId/review')
  @ApiOkResponse({ type: ReviewView })
  @ApiConflictResponse({ description: 'review_round_not_open or review_closed' })
  submit(
    @CurrentUser() actor: AuthenticatedUser,
    @Param('assignmentId', ParseUUIDPipe) assignmentId: string,
    @Body() body: SubmitReviewDto,
  ): Promise<ReviewView> {
    return this.reviews.submit(actor, assignmentId, body);
  }

  @Get('applicants')
  @ApiOkResponse({ type: [ApplicantMatch], description: 'Find an applicant to declare a conflict with (names only)' })
  searchApplicants(@Query() query: ApplicantSearchQuery): Promise<ApplicantMatch[]> {
    return this.conflicts.searchApplicants(query.cohortId, query.q);
  }

  @Post('conflicts')
  @HttpCode(200)
  @ApiOkResponse({ type: ConflictView, description: 'Holds at once; an assignment of the pair is withdrawn' })
  declare(@CurrentUser() actor: AuthenticatedUser, @Body() body: DeclareConflictDto): Promise<ConflictView> {
    return this.conflicts.declare(actor, body.applicationId, body.reason);
  }
}
