import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { type AuthenticatedUser, CurrentUser, Roles } from '@vgbf/core';
import {
  DeclareMentorConflictDto,
  FellowsDirectoryEntry,
  FellowsDirectoryQuery,
  MentorConflictView,
} from './dto/mentor.dto';
import { MentorConflictsService } from './mentor-conflicts.service';

/** Conflicts of interest between a mentor and a fellow: the matching never pairs them. */
@ApiTags('mentors')
@Controller('mentors')
export class MentorConflictsController {
  constructor(private readonly conflicts: MentorConflictsService) {}

  @Get('me/fellows-directory')
  @Roles('mentor')
  @ApiOkResponse({
    type: [FellowsDirectoryEntry],
    description: 'Active fellows to declare a conflict with: name, enterprise, sector (no contact data)',
  })
  directory(@Query() query: FellowsDirectoryQuery): Promise<FellowsDirectoryEntry[]> {
    return this.conflicts.directory(query);
  }

  @Get('me/conflicts')
  @Roles('mentor')
  @ApiOkResponse({ type: [MentorConflictView] })
  mine(@CurrentUser() actor: AuthenticatedUser): Promise<MentorConflictView[]> {
    return this.conflicts.list(actor.id);
  }

  @Post('me/conflicts')
  @Roles('mentor')
  @ApiCreatedResponse({ type: MentorConflictView, description: 'Declaring the same fellow again keeps the first' })
  @ApiNotFoundResponse({ description: 'fellow_not_found' })
  declareMine(
    @CurrentUser() actor: AuthenticatedUser,
    @Body() body: DeclareMentorConflictDto,
  ): Promise<MentorConflictView> {
    return this.conflicts.declare(actor, actor.id, body.fellowId, body.reason);
  }

  @Get(':userId/conflicts')
  @Roles('staff', 'admin')
  @ApiOkResponse({ type: [MentorConflictView] })
  @ApiNotFoundResponse({ description: 'not_a_mentor' })
  list(@Param('userId', ParseUUIDPipe) userId: string): Promise<MentorConflictView[]> {
    return this.conflicts.list(userId);
  }

  @Post(':userId/conflicts')
  @Roles('staff', 'admin')
  @ApiCreatedResponse({ type: MentorConflictView })
  @ApiNotFoundResponse({ description: 'not_a_mentor or fellow_not_found' })
  declare(
    @CurrentUser() actor: AuthenticatedUser,
    @Param('userId', ParseUUIDPipe) userId: string,
    @Body() body: DeclareMentorConflictDto,
  ): Promise<MentorConflictView> {
    return this.conflicts.declare(actor, userId, body.fellowId, body.reason);
  }

  @Delete(':userId/conflicts/:conflictId')
  @Roles('staff', 'admin')
  @HttpCode(204)
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ description: 'conflict_not_found' })
  remove(
    @CurrentUser() actor: AuthenticatedUser,
    @Param('userId', ParseUUIDPipe) userId: string,
    @Param('conflictId', ParseUUIDPipe) conflictId: string,
  ): Promise<void> {
    return this.conflicts.remove(actor, userId, conflictId);
  }
}
