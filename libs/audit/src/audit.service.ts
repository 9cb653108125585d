import type { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type AuthenticatedUser, type Page, toPage } from '@vgbf/core';
import type { DataSource, EntityManager } from 'typeorm';
import { openAuditCsv } from './audit-export';
import { auditPage } from './data-access/audit-log';
import type { AuditExportQuery, AuditQuery } from './dto/audit-query.dto';
import type { AuditEntryView } from './dto/audit-entry.view';
import { AuditEntry } from './entities/audit-entry.entity';

export interface AuditRecord {
  action: string;
  entityType: string;
  entityId: string;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  reason?: string | null;
}

/** Writes audit rows inside the caller's transaction (the change and its audit commit together). */
@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async record(
    manager: EntityManager,
    actor: Pick<AuthenticatedUser, 'id' | 'requestId'> | null,
    entry: AuditRecord,
  ): Promise<void> {
    // jsonb columns: TypeORM's partial-entity type cannot express free-form objects.
    await manager.getRepository(AuditEntry).insert({
      actorId: actor?.id ?? null,
      requestId: actor?.requestId ?? null,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      before: (entry.before ?? null) as AuditEntry['before'] & object,
      after: (entry.after ?? null) as AuditEntry['after'] & object,
      reason: entry.reason ?? null,
    });
  }

  /** Newest first, filtered by entity, actor (id, or name/email), action and time; the actor named. */
  async list(query: AuditQuery): Promise<Page<AuditEntryView>> {
    const { rows, total } = await auditPage(this.db.manager, query, query);
    return toPage(rows, total, query);
  }

  /** Every row the filters select, as a streamed CSV (UTF-8 with BOM), newest first. */
  exportCsv(query: AuditExportQuery): Promise<Readable> {
    return openAuditCsv(this.db, query);
  }
}
