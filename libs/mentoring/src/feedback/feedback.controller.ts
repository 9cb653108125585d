import { Body, Controller, Get, Param, ParseUUIDPipe, Put } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { type AuthenticatedUser, CurrentUser, Roles } from '@vgbf/core';
import { MyFeedbackView, SubmitFeedbackDto } from './feedback.dto';
import { FeedbackService } from './feedback.service';

/** Each side of a pair gives feedback at the checkpoints; neither ever sees the other's answers. */
@ApiTags('mentoring')
@Controller('mentoring/pairs/:pairingId/feedback')
@Roles('mentor', 'fellow')
export class FeedbackController {
  constructor(private readonly feedback: FeedbackService) {}

  @Get()
  @ApiOkResponse({ type: MyFeedbackView, description: 'Checkpoints with their state and the caller’s own answers' })
  mine(
    @CurrentUser() actor: AuthenticatedUser,
    @Param('pairingId', ParseUUIDPipe) pairingId: string,
  ): Promise<MyFeedbackView> {
    return this.feedback.mine(actor, pairingId);
  }

  @Put(':checkpoint')
  @ApiOkResponse({ type: MyFeedbackView })
  @ApiBadRequestResponse({ description: 'feedback_invalid: field errors like answers.usefulness' })
  @ApiConflictResponse({ description: 'feedback_not_open or feedback_already_given' })
  submit(
    @CurrentUser() actor: AuthenticatedUser,
    @Param('pairingId', ParseUUIDPipe) pairingId: string,
    @Param('checkpoint') checkpoint: string,
    @Body() body: SubmitFeedbackDto,
  ): Promise<MyFeedbackView> {
    return this.feedback.submit(actor, pairingId, checkpoint, body);
  }
}
