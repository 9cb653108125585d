import { Controller, Get, Header, Headers, Query, StreamableFile } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { requestedLanguage } from '@vgbf/config';
import { Roles } from '@vgbf/core';
import { ApplicationExportQuery } from './dto/export-query.dto';
import { EXPORT_CONTENT_TYPES } from './export-writers';
import { ApplicationExportsService } from './exports.service';

@ApiTags('applications')
@Controller('applications/export')
export class ApplicationExportsController {
  constructor(private readonly exports: ApplicationExportsService) {}

  @Get()
  @Roles('staff', 'admin')
  // Personal data of every applicant: no shared cache keeps a copy.
  @Header('Cache-Control', 'no-store')
  @ApiProduces(EXPORT_CONTENT_TYPES.csv, EXPORT_CONTENT_TYPES.xlsx)
  @ApiOkResponse({
    description:
      'The list with the same filters, unpaged, as an attachment: CSV (UTF-8 with BOM) or XLSX. Streamed. ' +
      "Headers and values (statuses, bands, regions, hubs…) in the requester's language (lang, else Accept-Language, else Vietnamese), or codes=true for raw codes.",
  })
  @ApiBadRequestResponse({ description: 'Bad filters or format (answered before any byte of the file)' })
  @ApiNotFoundResponse({ description: 'cohort_not_found' })
  async export(
    @Query() query: ApplicationExportQuery,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<StreamableFile> {
    const { format, lang, codes, ...filters } = query;
    const language = codes === 'true' ? 'codes' : requestedLanguage(lang, acceptLanguage);
    const file = await this.exports.open(filters, format, language);
    return new StreamableFile(file.stream, {
      type: file.contentType,
      disposition: `attachment; filename="${file.filename}"`,
    });
  }
}
