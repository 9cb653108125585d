import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Authenticated, type AuthenticatedUser, CurrentUser, Roles } from '@vgbf/core';
import { ApplicationsService } from './applications.service';
import { ApplicationView } from './dto/application.view';
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
  constructor(private readonly applications: ApplicationsService) {}

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
}
