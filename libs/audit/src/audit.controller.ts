import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { type Page, Roles } from '@vgbf/core';
import { AuditService } from './audit.service';
import { AuditQuery } from './dto/audit-query.dto';
import type { AuditEntry } from './entities/audit-entry.entity';

@ApiTags('audit')
@Controller('audit-log')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Roles('staff', 'admin')
  @ApiOkResponse({ description: 'Audit entries, newest first, paginated' })
  list(@Query() query: AuditQuery): Promise<Page<AuditEntry>> {
    return this.audit.list(query);
  }
}
