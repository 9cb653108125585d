import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { type AuthenticatedUser, CurrentUser, Roles } from '@vgbf/core';
import { PlanSessionDto, PlannedSessionView, UpdatePlannedSessionDto } from './planned-session.dto';
import { PlannedSessionsService } from './planned-sessions.service';

/**
 * Upcoming sessions of a pair: its mentor or its fellow schedules, reschedules and cancels them.
 * Another pair's is a 404, as everywhere for other people's objects.
 */
@ApiTags('mentoring')
@Controller('mentoring')
@Roles('mentor', 'fellow')
export class PlannedSessionsController {
  constructor(private readonly plans: PlannedSessionsService) {}

  @Get('pairs/:pairingId/planned-sessions')
  @ApiOkResponse({
    type: [PlannedSessionView],
    description: 'Planned ones, and those of the last 30 days; soonest first',
  })
  @ApiNotFoundResponse({ description: 'pairing_not_found: not the caller’s pair' })
  list(
    @CurrentUser() actor: AuthenticatedUser,
    @Param('pairingId', ParseUUIDPipe) pairingId: string,
  ): Promise<PlannedSessionView[]> {
    return this.plans.list(actor, pairingId);
  }

  @Post('pairs/:pairingId/planned-sessions')
  @ApiCreatedResponse({ type: PlannedSessionView })
  @ApiBadRequestResponse({ description: 'Field errors; session_invalid for a start in the past or over a year ahead' })
  @ApiNotFoundResponse({ description: 'pairing_not_found: not the caller’s pair' })
  @ApiConflictResponse({ description: 'pairing_ended' })
  plan(
    @CurrentUser() actor: AuthenticatedUser,
    @Param('pairingId', ParseUUIDPipe) pairingId: string,
    @Body() body: PlanSessionDto,
  ): Promise<PlannedSessionView> {
    return this.plans.plan(actor, pairingId, body);
  }

  @Patch('planned-sessions/:id')
  @ApiOkResponse({ type: PlannedSessionView, description: 'Rescheduled or changed' })
  @ApiNotFoundResponse({ description: 'planned_session_not_found' })
  @ApiConflictResponse({ description: 'planned_session_closed: cancelled or logged; pairing_ended' })
  update(
    @CurrentUser() actor: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdatePlannedSessionDto,
  ): Promise<PlannedSessionView> {
    return this.plans.update(actor, id, body);
  }

  @Post('planned-sessions/:id/cancel')
  @HttpCode(200)
  @ApiOkResponse({ type: PlannedSessionView })
  @ApiNotFoundResponse({ description: 'planned_session_not_found' })
  @ApiConflictResponse({ description: 'planned_session_closed: cancelled or logged; pairing_ended' })
  cancel(@CurrentUser() actor: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string): Promise<PlannedSessionView> {
    return this.plans.cancel(actor, id);
  }
}
