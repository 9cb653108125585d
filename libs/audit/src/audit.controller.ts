import { Controller, Get, Header, Query, StreamableFile } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Clock, type Page, PageOf, Roles, attachmentDisposition } from '@vgbf/core';
import { AUDIT_CSV_COLUMNS } from './audit-export';
import { AuditService } from './audit.service';
import { AuditExportQuery, AuditQuery } from './dto/audit-query.dto';
import { AuditEntryView } from './dto/audit-entry.view';

@ApiTags('audit')
@Controller('audit-log')
export class AuditController {
  constructor(
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  @Get()
  @Roles('staff', 'admin')
  @ApiOkResponse({ type: PageOf(AuditEntryView), description: 'Audit entries, newest first, paginated' })
  @ApiBadRequestResponse({ description: 'Bad filters' })
  list(@Query() query: AuditQuery): Promise<Page<AuditEntryView>> {
    return this.audit.list(query);
  }

  @Get('export.csv')
  @Roles('staff', 'admin')
  // Who did what to whom: no shared cache keeps a copy.
  @Header('Cache-Control', 'no-store')
  @ApiProduces('text/csv')
  @ApiOkResponse({
    description: `Every entry the filters select, newest first, as a streamed CSV attachment (UTF-8 with BOM); columns ${AUDIT_CSV_COLUMNS.join(', ')}`,
  })
  @ApiBadRequestResponse({ description: 'Bad filters (answered before any byte of the file)' })
  async export(@Query() query: AuditExportQuery): Promise<StreamableFile> {
    const stream = await this.audit.exportCsv(query);
    const day = this.clock.now().toISOString().slice(0, 10);
    return new StreamableFile(stream, {
      type: 'text/csv; charset=utf-8',
      disposition: attachmentDisposition(`audit-log-${day}.csv`),
    });
  }
}
