import { Body, Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { type AuthenticatedUser, CurrentUser, Roles } from '@vgbf/core';
import { parseIdempotencyKey } from '../dto/submission.dto';
import {
  ApplicantMessageDto,
  ApplicantMessageView,
  ApplicantMessagesView,
  EmailPreviewView,
} from './applicant-messages.dto';
import { ApplicantMessagesService } from './applicant-messages.service';

/** Staff write to an applicant from a template (previewed, sent by email, logged); staff only. */
@ApiTags('applications')
@Controller('applications/:id/messages')
@Roles('staff', 'admin')
export class ApplicantMessagesController {
  constructor(private readonly messages: ApplicantMessagesService) {}

  @Get()
  @ApiOkResponse({
    type: ApplicantMessagesView,
    description: "The log (newest first) and the templates in the applicant's language",
  })
  list(@Param('id', ParseUUIDPipe) id: string): Promise<ApplicantMessagesView> {
    return this.messages.list(id);
  }

  @Post('preview')
  @HttpCode(200)
  @ApiOkResponse({ type: EmailPreviewView, description: 'The email as the applicant will get it; nothing is written' })
  preview(
    @CurrentUser() actor: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: ApplicantMessageDto,
  ): Promise<EmailPreviewView> {
    return this.messages.preview(actor, id, body);
  }

  @Post()
  @ApiHeader({ name: 'idempotency-key', required: false, description: 'A retry with the same key sends nothing more' })
  @ApiCreatedResponse({
    type: ApplicantMessageView,
    description: 'Logged, emailed through the outbox, audited; a retry with the same key answers the same message',
  })
  async send(
    @CurrentUser() actor: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: ApplicantMessageDto,
    @Headers('idempotency-key') idempotencyKey?: string,
  ): Promise<ApplicantMessageView> {
    return (await this.messages.send(actor, id, body, parseIdempotencyKey(idempotencyKey))).message;
  }
}
