import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '@vgbf/core';
import { SentReminderView, SentRemindersQuery, UpcomingReminderView, UpcomingRemindersQuery } from './reminders.dto';
import { RemindersService } from './reminders.service';

/** Staff see what a cohort's milestone reminders will send (a dry run of the daily job) and what they sent. */
@ApiTags('milestones')
@Controller('cohorts/:cohortId/reminders')
export class RemindersController {
  constructor(private readonly reminders: RemindersService) {}

  @Get('upcoming')
  @Roles('staff', 'admin')
  @ApiOkResponse({ type: [UpcomingReminderView], description: 'By day, then due date' })
  @ApiBadRequestResponse({ description: 'Field errors (days 1–60)' })
  @ApiNotFoundResponse({ description: 'cohort_not_found' })
  upcoming(
    @Param('cohortId', ParseUUIDPipe) cohortId: string,
    @Query() query: UpcomingRemindersQuery,
  ): Promise<UpcomingReminderView[]> {
    return this.reminders.upcoming(cohortId, query.days);
  }

  @Get('sent')
  @Roles('staff', 'admin')
  @ApiOkResponse({ type: [SentReminderView], description: 'Newest first' })
  @ApiBadRequestResponse({ description: 'Field errors; reminder_range_invalid' })
  @ApiNotFoundResponse({ description: 'cohort_not_found' })
  sent(
    @Param('cohortId', ParseUUIDPipe) cohortId: string,
    @Query() query: SentRemindersQuery,
  ): Promise<SentReminderView[]> {
    return this.reminders.sent(cohortId, query);
  }
}
