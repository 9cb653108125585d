import { Controller, Get, Header, Param, ParseUUIDPipe, StreamableFile } from '@nestjs/common';
import { ApiConflictResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Authenticated, type AuthenticatedUser, CurrentUser, attachmentDisposition } from '@vgbf/core';
import { ApplicationPdfService } from './application-pdf.service';

@ApiTags('applications')
@Controller('applications')
export class ApplicationPdfController {
  constructor(private readonly pdf: ApplicationPdfService) {}

  @Get(':id/pdf')
  @Authenticated()
  @Header('Cache-Control', 'private, no-store')
  @ApiProduces('application/pdf')
  @ApiOkResponse({
    schema: { type: 'string', format: 'binary' },
    description:
      "The submitted application as a PDF in the applicant's language (cohort, status, every section, the documents, the submission time in Vietnam time); the owner and staff only, 404 for anyone else",
  })
  @ApiConflictResponse({ description: 'application_not_submitted: a draft has no PDF' })
  async download(
    @CurrentUser() actor: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<StreamableFile> {
    const { bytes, filename } = await this.pdf.render(actor, id);
    return new StreamableFile(Buffer.from(bytes), {
      type: 'application/pdf',
      disposition: attachmentDisposition(filename),
      length: bytes.length,
    });
  }
}
