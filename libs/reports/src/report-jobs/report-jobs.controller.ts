import { Body, Controller, Get, Header, Param, ParseUUIDPipe, Post, Query, StreamableFile } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { type AuthenticatedUser, CurrentUser, Roles, attachmentDisposition } from '@vgbf/core';
import { ReportJobView, ReportListQuery, RequestReportDto } from './report-jobs.dto';
import { ReportJobsService } from './report-jobs.service';

@ApiTags('reports')
@Controller('reports')
@Roles('staff', 'admin')
export class ReportJobsController {
  constructor(private readonly reports: ReportJobsService) {}

  @Post()
  @ApiCreatedResponse({ type: ReportJobView, description: 'Queued: the worker generates the file' })
  @ApiNotFoundResponse({ description: 'cohort_not_found' })
  request(@CurrentUser() actor: AuthenticatedUser, @Body() body: RequestReportDto): Promise<ReportJobView> {
    return this.reports.request(actor, body);
  }

  @Get()
  @ApiOkResponse({ type: [ReportJobView], description: 'The caller’s reports (of one cohort if asked), newest first' })
  mine(@CurrentUser() actor: AuthenticatedUser, @Query() query: ReportListQuery): Promise<ReportJobView[]> {
    return this.reports.mine(actor, query.cohortId);
  }

  @Get(':id')
  @ApiOkResponse({ type: ReportJobView, description: 'Status and progress' })
  @ApiNotFoundResponse({ description: 'report_not_found' })
  get(@CurrentUser() actor: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string): Promise<ReportJobView> {
    return this.reports.get(actor, id);
  }

  @Get(':id/download')
  @Header('Cache-Control', 'no-store')
  @ApiProduces('text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiOkResponse({ description: 'The file, as an attachment' })
  @ApiNotFoundResponse({ description: 'report_not_found' })
  @ApiConflictResponse({ description: 'report_not_ready' })
  async download(
    @CurrentUser() actor: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<StreamableFile> {
    const file = await this.reports.download(actor, id);
    return new StreamableFile(file.stream, {
      type: file.contentType,
      disposition: attachmentDisposition(file.filename),
    });
  }
}
