import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { type AuthenticatedUser, CurrentUser, Roles } from '@vgbf/core';
import {
  AddNoteDto,
  ApplicationNoteView,
  EligibilityOverrideDto,
  EligibilityOverrideView,
  SetTagsDto,
  StaffPanelView,
  TagsView,
} from './staff-notes.dto';
import { StaffNotesService } from './staff-notes.service';

/** Staff-only side of an application: contact details, internal notes, tags. */
@ApiTags('applications')
@Controller('applications/:id')
export class StaffNotesController {
  constructor(private readonly notes: StaffNotesService) {}

  @Get('staff-panel')
  @Roles('staff', 'admin')
  @ApiOkResponse({ type: StaffPanelView, description: 'Contact details, internal notes (newest first) and tags' })
  panel(@Param('id', ParseUUIDPipe) id: string): Promise<StaffPanelView> {
    return this.notes.panel(id);
  }

  @Post('notes')
  @Roles('staff', 'admin')
  @ApiCreatedResponse({
    type: ApplicationNoteView,
    description: 'Audited (the audit row names the note, not its text)',
  })
  addNote(
    @CurrentUser() actor: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: AddNoteDto,
  ): Promise<ApplicationNoteView> {
    return this.notes.addNote(actor, id, body.body);
  }

  @Put('tags')
  @Roles('staff', 'admin')
  @ApiOkResponse({ type: TagsView, description: 'Replaces the set; audited with the set before and after' })
  async setTags(
    @CurrentUser() actor: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: SetTagsDto,
  ): Promise<TagsView> {
    return { tags: await this.notes.setTags(actor, id, body.tags) };
  }

  @Post('eligibility-override')
  @Roles('staff', 'admin')
  @HttpCode(200)
  @ApiOkResponse({
    type: EligibilityOverrideView,
    description: 'Staff accept the application as eligible despite the rules, with a reason; audited',
  })
  overrideEligibility(
    @CurrentUser() actor: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: EligibilityOverrideDto,
  ): Promise<EligibilityOverrideView> {
    return this.notes.overrideEligibility(actor, id, body.reason);
  }
}
