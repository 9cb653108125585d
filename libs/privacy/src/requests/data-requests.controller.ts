import {
  Body,
  Controller,
  Get,
  Header,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  StreamableFile,
} from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Authenticated, type AuthenticatedUser, CurrentUser, Roles, attachmentDisposition } from '@vgbf/core';
import { DataRequestsService } from './data-requests.service';
import {
  CompleteRequestDto,
  DataRequestView,
  ExtendRequestDto,
  MyDataRequestDto,
  QueueQuery,
  RefuseRequestDto,
  StaffDataRequestDto,
} from './dto/data-request.dto';

@ApiTags('data-requests')
@Controller()
export class DataRequestsController {
  constructor(private readonly requests: DataRequestsService) {}

  @Get('me/data-requests')
  @Authenticated()
  @ApiOkResponse({ type: [DataRequestView], description: 'My requests about my personal data, newest first' })
  mine(@CurrentUser() actor: AuthenticatedUser): Promise<DataRequestView[]> {
    return this.requests.mine(actor);
  }

  @Post('me/data-requests')
  @Authenticated()
  @ApiCreatedResponse({
    type: DataRequestView,
    description: 'Received today (Vietnam); deadlines in working days; audited; 409 when one of the kind is open',
  })
  fileMine(@CurrentUser() actor: AuthenticatedUser, @Body() body: MyDataRequestDto): Promise<DataRequestView> {
    return this.requests.fileMine(actor, body);
  }

  @Get('data-requests')
  @Roles('staff', 'admin')
  @ApiOkResponse({ type: [DataRequestView], description: 'The queue: the nearest deadline first' })
  queue(@Query() query: QueueQuery): Promise<DataRequestView[]> {
    return this.requests.queue(query);
  }

  @Post('data-requests')
  @Roles('staff', 'admin')
  @ApiCreatedResponse({ type: DataRequestView, description: "Filed on someone's behalf, with how they asked" })
  file(@CurrentUser() actor: AuthenticatedUser, @Body() body: StaffDataRequestDto): Promise<DataRequestView> {
    return this.requests.fileForSomeone(actor, body);
  }

  @Get('data-requests/:id')
  @Authenticated()
  @ApiOkResponse({ type: DataRequestView, description: 'Its person or staff; 404 for anyone else' })
  get(@CurrentUser() actor: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string): Promise<DataRequestView> {
    return this.requests.get(actor, id);
  }

  @Get('data-requests/:id/export')
  @Authenticated()
  @Header('Cache-Control', 'no-store')
  @ApiProduces('application/zip')
  @ApiOkResponse({
    description:
      'The access export (ZIP: data/<table>.json, files/, manifest.json) of a completed access request; its person or staff; audited',
  })
  @ApiConflictResponse({ description: 'data_request_export_not_ready' })
  async export(
    @CurrentUser() actor: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<StreamableFile> {
    const file = await this.requests.export(actor, id);
    return new StreamableFile(file.stream, {
      type: 'application/zip',
      disposition: attachmentDisposition(file.filename),
    });
  }

  @Post('data-requests/:id/acknowledge')
  @Roles('staff', 'admin')
  @HttpCode(200)
  @ApiOkResponse({ type: DataRequestView, description: 'Emails the person; audited' })
  acknowledge(
    @CurrentUser() actor: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<DataRequestView> {
    return this.requests.acknowledge(actor, id);
  }

  @Post('data-requests/:id/start')
  @Roles('staff', 'admin')
  @HttpCode(200)
  @ApiOkResponse({ type: DataRequestView, description: 'In progress; audited' })
  start(@CurrentUser() actor: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string): Promise<DataRequestView> {
    return this.requests.start(actor, id);
  }

  @Post('data-requests/:id/extend')
  @Roles('staff', 'admin')
  @HttpCode(200)
  @ApiOkResponse({ type: DataRequestView, description: 'Once, ≤ 15 working days, with a reason emailed to the person' })
  extend(
    @CurrentUser() actor: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: ExtendRequestDto,
  ): Promise<DataRequestView> {
    return this.requests.extend(actor, id, body);
  }

  @Post('data-requests/:id/complete')
  @Roles('staff', 'admin')
  @HttpCode(200)
  @ApiOkResponse({ type: DataRequestView, description: 'With the answer emailed to the person; audited' })
  complete(
    @CurrentUser() actor: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: CompleteRequestDto,
  ): Promise<DataRequestView> {
    return this.requests.complete(actor, id, body);
  }

  @Post('data-requests/:id/refuse')
  @Roles('staff', 'admin')
  @HttpCode(200)
  @ApiOkResponse({ type: DataRequestView, description: 'With the reason emailed to the person; audited' })
  refuse(
    @CurrentUser() actor: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: RefuseRequestDto,
  ): Promise<DataRequestView> {
    return this.requests.refuse(actor, id, body);
  }
}
