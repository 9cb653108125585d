import {
  Body,
  Controller,
  Get,
  Header,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
  Req,
  StreamableFile,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConflictResponse,
  ApiConsumes,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiPayloadTooLargeResponse,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { type AuthenticatedUser, Clock, CurrentUser, Roles, attachmentDisposition } from '@vgbf/core';
import type { FastifyRequest } from 'fastify';
import {
  CreateMentorDto,
  MentorImportReport,
  MentorListQuery,
  MentorView,
  UpdateMentorDto,
  UpdateOwnMentorDto,
} from './dto/mentor.dto';
import { MAX_IMPORT_ROWS, MENTOR_CSV_COLUMNS } from './mentor-csv';
import { MentorImportService } from './mentor-import.service';
import { receiveCsv } from './mentor-upload';
import { MentorsService } from './mentors.service';

/** Mentor profiles: staff run the list (one by one or as a CSV); a mentor keeps their own up to date. */
@ApiTags('mentors')
@Controller('mentors')
export class MentorsController {
  constructor(
    private readonly mentors: MentorsService,
    private readonly csv: MentorImportService,
    private readonly clock: Clock,
  ) {}

  @Get()
  @Roles('staff', 'admin')
  @ApiOkResponse({ type: [MentorView], description: 'By name; filters combine' })
  list(@Query() query: MentorListQuery): Promise<MentorView[]> {
    return this.mentors.list(query);
  }

  @Get('export.csv')
  @Roles('staff', 'admin')
  @Header('Cache-Control', 'no-store')
  @ApiProduces('text/csv')
  @ApiOkResponse({
    description: `UTF-8 with BOM, as an attachment; the import's columns (${MENTOR_CSV_COLUMNS.join(', ')}), so it imports back unchanged`,
  })
  async export(): Promise<StreamableFile> {
    const text = await this.csv.export();
    const day = this.clock.now().toISOString().slice(0, 10);
    return new StreamableFile(Buffer.from(text, 'utf8'), {
      type: 'text/csv; charset=utf-8',
      disposition: attachmentDisposition(`mentors-${day}.csv`),
    });
  }

  @Post('import')
  @Roles('staff', 'admin')
  @HttpCode(200)
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: {
        file: {
          type: 'string',
          format: 'binary',
          description: `A UTF-8 CSV of at most 1 MB and ${MAX_IMPORT_ROWS} rows; header: ${MENTOR_CSV_COLUMNS.join(',')}`,
        },
      },
    },
  })
  @ApiOkResponse({
    type: MentorImportReport,
    description:
      'Good rows are written together (new emails invited, known ones updated); bad rows are reported by line',
  })
  @ApiBadRequestResponse({ description: 'invalid_mentor_file: no file, not UTF-8 CSV, wrong header or too many rows' })
  @ApiPayloadTooLargeResponse({ description: 'mentor_file_too_large: over 1 MB' })
  async import(@CurrentUser() actor: AuthenticatedUser, @Req() request: FastifyRequest): Promise<MentorImportReport> {
    const { content, filename } = await receiveCsv(request);
    return this.csv.import(actor, content, filename);
  }

  @Get('me')
  @Roles('mentor')
  @ApiOkResponse({ type: MentorView })
  @ApiNotFoundResponse({ description: 'mentor_not_found: staff have not set up a profile yet' })
  mine(@CurrentUser() actor: AuthenticatedUser): Promise<MentorView> {
    return this.mentors.get(actor.id);
  }

  @Patch('me')
  @Roles('mentor')
  @ApiOkResponse({ type: MentorView, description: 'The fields given change; null clears a nullable one' })
  @ApiBadRequestResponse({ description: 'validation_failed or mentor_dates_invalid' })
  updateMine(@CurrentUser() actor: AuthenticatedUser, @Body() body: UpdateOwnMentorDto): Promise<MentorView> {
    return this.mentors.updateOwn(actor, body);
  }

  @Post()
  @Roles('staff', 'admin')
  @ApiCreatedResponse({
    type: MentorView,
    description: 'A new email is invited (the email goes out through the outbox)',
  })
  @ApiConflictResponse({ description: 'mentor_exists: the email already belongs to a mentor' })
  create(@CurrentUser() actor: AuthenticatedUser, @Body() body: CreateMentorDto): Promise<MentorView> {
    return this.mentors.create(actor, body);
  }

  @Get(':userId')
  @Roles('staff', 'admin')
  @ApiOkResponse({ type: MentorView })
  get(@Param('userId', ParseUUIDPipe) userId: string): Promise<MentorView> {
    return this.mentors.get(userId);
  }

  @Patch(':userId')
  @Roles('staff', 'admin')
  @ApiOkResponse({ type: MentorView, description: 'The fields given change; null clears a nullable one' })
  @ApiBadRequestResponse({ description: 'validation_failed or mentor_dates_invalid' })
  update(
    @CurrentUser() actor: AuthenticatedUser,
    @Param('userId', ParseUUIDPipe) userId: string,
    @Body() body: UpdateMentorDto,
  ): Promise<MentorView> {
    return this.mentors.update(actor, userId, body);
  }
}
