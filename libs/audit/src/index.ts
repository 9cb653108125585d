export { AuditModule } from './audit.module';
export { AuditService, type AuditRecord } from './audit.service';
export { AuditQuery } from './dto/audit-query.dto';
export { AuditEntry } from './entities/audit-entry.entity';
