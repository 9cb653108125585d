import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { ApiConflictResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { type AuthenticatedUser, CurrentUser, Roles } from '@vgbf/core';
import { ConflictDeclarationsService } from './conflict-declarations.service';
import { DeclarationReceipt, DeclareConflictsDto } from './dto/conflict.dto';
import { BlindReviewView, MyAssignment, ReviewView, SubmitReviewDto } from './dto/review.dto';
import { ReviewsService } from './reviews.service';

/** The reviewer's own work: assignments, blind applications, reviews, and the people they declare they know. */
@ApiTags('reviews')
@Controller('reviews')
@Roles('reviewer')
export class ReviewersController {
  constructor(
    private readonly reviews: ReviewsService,
    private readonly declarations: ConflictDeclarationsService,
  ) {}

  @Get('assignments')
  @ApiOkResponse({ type: [MyAssignment], description: 'The actor’s assignments only, unreviewed first' })
  mine(@CurrentUser() actor: AuthenticatedUser): Promise<MyAssignment[]> {
    return this.reviews.mine(actor);
  }

  @Get('assignments/:assignmentId')
  @ApiOkResponse({
    type: BlindReviewView,
    description:
      'Blind: no name, birth date, gender, contacts, referees, enterprise name or documents; free text redacted',
  })
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

  @Post('conflict-declarations')
  @HttpCode(200)
  @ApiOkResponse({
    type: DeclarationReceipt,
    description:
      'Names the people and organisations the reviewer knows; applications they name leave the reviewer’s ' +
      'assignments. The answer never says whether or what matched (staff see it).',
  })
  declare(@CurrentUser() actor: AuthenticatedUser, @Body() body: DeclareConflictsDto): Promise<DeclarationReceipt> {
    return this.declarations.declare(actor, body);
  }

  @Get('conflict-declarations')
  @ApiOkResponse({ type: [DeclarationReceipt], description: 'The actor’s own declarations, as written' })
  declarationsMine(@CurrentUser() actor: AuthenticatedUser): Promise<DeclarationReceipt[]> {
    return this.declarations.mine(actor);
  }
}
