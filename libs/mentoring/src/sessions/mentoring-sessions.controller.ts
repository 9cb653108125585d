import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { type AuthenticatedUser, CurrentUser, Roles } from '@vgbf/core';
import { MentoringSessionsService } from './mentoring-sessions.service';
import { ConfirmSessionDto, LogSessionDto, SessionView, UpdateSessionDto } from './session.dto';

/**
 * Sessions of a pair: its mentor logs and corrects them, its fellow confirms and rates them. Another
 * mentor's or fellow's pair or session is a 404, as everywhere for other people's objects.
 */
@ApiTags('mentoring')
@Controller('mentoring')
export class MentoringSessionsController {
  constructor(private readonly sessions: MentoringSessionsService) {}

  @Get('pairs/:pairingId/sessions')
  @Roles('mentor', 'fellow')
  @ApiOkResponse({ type: [SessionView], description: 'Newest first' })
  @ApiNotFoundResponse({ description: 'pairing_not_found: not the caller’s pair' })
  list(
    @CurrentUser() actor: AuthenticatedUser,
    @Param('pairingId', ParseUUIDPipe) pairingId: string,
  ): Promise<SessionView[]> {
    return this.sessions.list(actor, pairingId);
  }

  @Post('pairs/:pairingId/sessions')
  @Roles('mentor')
  @ApiCreatedResponse({ type: SessionView })
  @ApiBadRequestResponse({ description: 'Field errors; session_invalid for a date out of range' })
  @ApiNotFoundResponse({ description: 'pairing_not_found: not the caller’s pair' })
  @ApiConflictResponse({ description: 'pairing_ended' })
  log(
    @CurrentUser() actor: AuthenticatedUser,
    @Param('pairingId', ParseUUIDPipe) pairingId: string,
    @Body() body: LogSessionDto,
  ): Promise<SessionView> {
    return this.sessions.log(actor, pairingId, body);
  }

  @Patch('sessions/:id')
  @Roles('mentor')
  @ApiOkResponse({ type: SessionView })
  @ApiConflictResponse({ description: 'session_confirmed: the fellow has confirmed it' })
  update(
    @CurrentUser() actor: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateSessionDto,
  ): Promise<SessionView> {
    return this.sessions.update(actor, id, body);
  }

  @Delete('sessions/:id')
  @Roles('mentor')
  @HttpCode(204)
  @ApiNoContentResponse()
  @ApiConflictResponse({ description: 'session_confirmed: the fellow has confirmed it' })
  remove(@CurrentUser() actor: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.sessions.remove(actor, id);
  }

  @Post('sessions/:id/confirm')
  @Roles('fellow')
  @HttpCode(200)
  @ApiOkResponse({ type: SessionView })
  @ApiConflictResponse({ description: 'session_confirmed: already confirmed' })
  confirm(
    @CurrentUser() actor: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: ConfirmSessionDto,
  ): Promise<SessionView> {
    return this.sessions.confirm(actor, id, body);
  }
}
