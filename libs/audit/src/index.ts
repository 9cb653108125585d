export { AuditModule } from './audit.module';
export { AuditService, type AuditRecord } from './audit.service';
export { AuditExportQuery, AuditQuery } from './dto/audit-query.dto';
export { AuditEntry } from './entities/audit-entry.entity';
export { AuditEntryView } from './dto/audit-entry.view';
