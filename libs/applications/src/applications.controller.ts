import { Body, Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Authenticated, type AuthenticatedUser, Clock, CurrentUser, type Page, PageOf, Roles } from '@vgbf/core';
import { ApplicationsService } from './applications.service';
import { ApplicationView } from './dto/application.view';
import { ReopenSubmissionDto, StatusChangeView, WithdrawDto, parseIdempotencyKey } from './dto/submission.dto';
import { SubmissionReopeningService } from './reopening.service';
import { ApplicationListItem, ApplicationListQuery, PipelineQuery, PipelineView } from './dto/staff-query.dto';
import { StaffViewsService } from './staff-views.service';
import { SubmissionsService } from './submissions.service';
import {
  EnterpriseSection,
  EssaysSection,
  HubPreferencesSection,
  LanguagesSection,
  PersonalSection,
  RefereesSection,
} from './dto/sections.dto';

@ApiTags('applications')
@Controller()
export class ApplicationsController {
  constructor(
    private readonly applications: ApplicationsService,
    private readonly submissions: SubmissionsService,
    private readonly staffViews: StaffViewsService,
    private readonly reopening: SubmissionReopeningService,
    private readonly clock: Clock,
  ) {}

  @Get('applications')
  @Roles('staff', 'admin')
  @ApiOkResponse({ type: PageOf(ApplicationListItem), description: 'Paginated; filters combine; q ignores diacritics' })
  list(@Query() query: ApplicationListQuery): Promise<Page<ApplicationListItem>> {
    return this.staffViews.list(query);
  }

  @Get('applications/pipeline')
  @Roles('staff', 'admin')
  @ApiOkResponse({ type: PipelineView })
  pipeline(@Query() query: PipelineQuery): Promise<PipelineView> {
    return this.staffViews.pipeline(query.cohortId);
  }

  @Post('cohorts/:cohortId/applications')
  @Roles('applicant')
  @ApiCreatedResponse({ type: ApplicationView, description: 'A new draft' })
  @ApiConflictResponse({ description: 'application_exists, cohort_not_open or deadline_passed' })
  start(
    @CurrentUser() actor: AuthenticatedUser,
    @Param('cohortId', ParseUUIDPipe) cohortId: string,
  ): Promise<ApplicationView> {
    return this.applications.start(actor, cohortId);
  }

  @Get('applications/mine')
  @Roles('applicant')
  @ApiOkResponse({ type: [ApplicationView] })
  mine(@CurrentUser() actor: AuthenticatedUser): Promise<ApplicationView[]> {
    return this.applications.mine(actor);
  }

  @Get('applications/:id')
  @Authenticated()
  @ApiOkResponse({ type: ApplicationView, description: 'The owner and staff only; 404 for anyone else' })
  get(@CurrentUser() actor: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string): Promise<ApplicationView> {
    return this.applications.get(actor, id);
  }

  @Patch('applications/:id/personal')
  @Roles('applicant')
  @ApiOkResponse({ type: ApplicationView })
  personal(
    @CurrentUser() a: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: PersonalSection,
  ): Promise<ApplicationView> {
    return this.applications.savePersonal(a, id, body);
  }

  @Patch('applications/:id/enterprise')
  @Roles('applicant')
  @ApiOkResponse({ type: ApplicationView })
  enterprise(
    @CurrentUser() a: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: EnterpriseSection,
  ): Promise<ApplicationView> {
    return this.applications.saveEnterprise(a, id, body);
  }

  @Patch('applications/:id/languages')
  @Roles('applicant')
  @ApiOkResponse({ type: ApplicationView })
  languages(
    @CurrentUser() a: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: LanguagesSection,
  ): Promise<ApplicationView> {
    return this.applications.saveLanguages(a, id, body);
  }

  @Patch('applications/:id/hubs')
  @Roles('applicant')
  @ApiOkResponse({ type: ApplicationView })
  hubs(
    @CurrentUser() a: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: HubPreferencesSection,
  ): Promise<ApplicationView> {
    return this.applications.saveHubPreferences(a, id, body);
  }

  @Patch('applications/:id/essays')
  @Roles('applicant')
  @ApiOkResponse({ type: ApplicationView })
  essays(
    @CurrentUser() a: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: EssaysSection,
  ): Promise<ApplicationView> {
    return this.applications.saveEssays(a, id, body);
  }

  @Patch('applications/:id/referees')
  @Roles('applicant')
  @ApiOkResponse({ type: ApplicationView })
  referees(
    @CurrentUser() a: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: RefereesSection,
  ): Promise<ApplicationView> {
    return this.applications.saveReferees(a, id, body);
  }

  @Post('applications/:id/submit')
  @Roles('applicant')
  @HttpCode(200)
  @ApiHeader({
    // Lower case, as Node reads headers: the same name as @Headers below, so the document has one, optional.
    name: 'idempotency-key',
    required: false,
    description: 'A retried submit with the same key answers the same, once',
  })
  @ApiOkResponse({ type: ApplicationView })
  @ApiUnprocessableEntityResponse({
    description:
      'application_incomplete (field errors), application_invalid (field errors: an essay over its limit, a referee who is the applicant) or not_eligible (rules with reasons)',
  })
  @ApiConflictResponse({
    description:
      'deadline_passed, cohort_not_open (the cohort moved on, e.g. to reviewing: staff may reopen it) or already_submitted',
  })
  submit(
    @CurrentUser() actor: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Headers('idempotency-key') idempotencyKey?: string,
  ): Promise<ApplicationView> {
    // Judged by when the request arrived, even if the transaction commits after the deadline.
    const arrivedAt = this.clock.now();
    return this.submissions.submit(actor, id, arrivedAt, parseIdempotencyKey(idempotencyKey));
  }

  @Post('applications/:id/reopen-submission')
  @Roles('staff', 'admin')
  @HttpCode(200)
  @ApiOkResponse({
    type: ApplicationView,
    description:
      'Staff let one draft be edited and submitted for some days after its cohort stopped taking submissions; audited with the reason',
  })
  @ApiConflictResponse({ description: 'nothing_to_reopen: the application is not a draft' })
  reopenSubmission(
    @CurrentUser() actor: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: ReopenSubmissionDto,
  ): Promise<ApplicationView> {
    return this.reopening.reopen(actor, id, body);
  }

  @Post('applications/:id/withdraw')
  @Roles('applicant')
  @HttpCode(200)
  @ApiOkResponse({ type: ApplicationView })
  withdraw(
    @CurrentUser() actor: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: WithdrawDto,
  ): Promise<ApplicationView> {
    return this.submissions.withdraw(actor, id, body.reason);
  }

  @Get('applications/:id/history')
  @Authenticated()
  @ApiOkResponse({
    type: [StatusChangeView],
    description:
      'Oldest first. Staff see every reason; the applicant only the reasons they gave (never internal notes)',
  })
  async history(
    @CurrentUser() actor: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<StatusChangeView[]> {
    const changes = await this.submissions.history(actor, id);
    // Staff notes ("Selection 73a7… confirmed") are internal: others read the change itself, in words
    // their page renders from `to`, and only the reasons they wrote themselves (a withdrawal's).
    const staff = actor.roles.some((r) => r === 'staff' || r === 'admin');
    return changes.map((c) => ({
      from: c.fromStatus,
      to: c.toStatus,
      reason: staff || c.actorId === actor.id ? c.reason : null,
      at: c.createdAt.toISOString(),
    }));
  }
}
