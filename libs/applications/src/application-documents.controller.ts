import {
  Controller,
  Delete,
  Get,
  Header,
  HttpCode,
  Param,
  ParseUUIDPipe,
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
  ApiNoContentResponse,
  ApiOkResponse,
  ApiPayloadTooLargeResponse,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { Authenticated, type AuthenticatedUser, Clock, CurrentUser, Roles, attachmentDisposition } from '@vgbf/core';
import type { FastifyRequest } from 'fastify';
import { receivePdfUpload } from '@vgbf/storage';
import { ApplicationDocumentsService, MAX_OTHER_DOCUMENTS } from './application-documents.service';
import { ApplicationDocumentView, DocumentKindQuery } from './dto/document.dto';

@ApiTags('applications')
@Controller('applications/:id/documents')
export class ApplicationDocumentsController {
  constructor(
    private readonly documents: ApplicationDocumentsService,
    private readonly clock: Clock,
  ) {}

  @Post()
  @Roles('applicant')
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: { file: { type: 'string', format: 'binary', description: 'A PDF of at most 10 MB' } },
    },
  })
  @ApiCreatedResponse({
    type: ApplicationDocumentView,
    description: `The owner's draft only. A cv or business_registration replaces the current one; up to ${MAX_OTHER_DOCUMENTS} of kind other`,
  })
  @ApiBadRequestResponse({
    description:
      'invalid_document (not a PDF that opens with a page), encrypted_document, file_required, or unexpected_part (a file not named file, a second file, another field); nothing is stored',
  })
  @ApiPayloadTooLargeResponse({ description: 'document_too_large: over 10 MB; nothing is stored' })
  @ApiConflictResponse({ description: 'application_not_editable, deadline_passed or too_many_documents' })
  upload(
    @CurrentUser() actor: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: DocumentKindQuery,
    @Req() request: FastifyRequest,
  ): Promise<ApplicationDocumentView> {
    // Like submit, judged by when the request arrived: a slow upload that starts in time counts.
    const arrivedAt = this.clock.now();
    return this.documents.upload(actor, id, query.kind, arrivedAt, () => receivePdfUpload(request));
  }

  @Get()
  @Authenticated()
  @ApiOkResponse({ type: [ApplicationDocumentView], description: 'The owner and staff only; 404 for anyone else' })
  list(
    @CurrentUser() actor: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<ApplicationDocumentView[]> {
    return this.documents.list(actor, id);
  }

  @Get(':documentId')
  @Authenticated()
  @Header('Cache-Control', 'private, no-store')
  @ApiProduces('application/pdf')
  @ApiOkResponse({
    schema: { type: 'string', format: 'binary' },
    description: 'The PDF as uploaded, as an attachment; the owner and staff only, 404 for anyone else',
  })
  async download(
    @CurrentUser() actor: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('documentId', ParseUUIDPipe) documentId: string,
  ): Promise<StreamableFile> {
    const { document, content } = await this.documents.open(actor, id, documentId);
    return new StreamableFile(content, {
      type: 'application/pdf',
      disposition: attachmentDisposition(document.filename),
      length: document.sizeBytes,
    });
  }

  @Delete(':documentId')
  @Roles('applicant')
  @HttpCode(204)
  @ApiNoContentResponse({ description: "Removed from the owner's draft" })
  @ApiConflictResponse({ description: 'application_not_editable or deadline_passed' })
  remove(
    @CurrentUser() actor: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('documentId', ParseUUIDPipe) documentId: string,
  ): Promise<void> {
    return this.documents.remove(actor, id, documentId, this.clock.now());
  }
}
