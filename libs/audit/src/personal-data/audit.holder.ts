import { Injectable } from '@nestjs/common';
import { runQuery, typedSql } from '@vgbf/database';
import {
  type HeldTable,
  type PersonalDataExport,
  type PersonalDataHolder,
  PersonalDataHolderOf,
  exported,
} from '@vgbf/personal-data';
import type { EntityManager } from 'typeorm';

/**
 * What the audit module holds about a person, for their access export (issue 17): every column of its
 * tables declared (exported with its data category, or excluded with the reason), the person's rows read
 * with its own queries. Checked against the migrated schema by test/privacy/personal-data-schema.
 */
const TABLES: HeldTable[] = [
  {
    table: 'audit_log',
    columns: {
      id: exported('audit'),
      actor_id: exported('audit'),
      action: exported('audit'),
      entity_type: exported('audit'),
      entity_id: exported('audit'),
      before: exported('audit'),
      after: exported('audit'),
      reason: exported('audit'),
      request_id: exported('audit'),
      created_at: exported('audit'),
    },
  },
];

@Injectable()
@PersonalDataHolderOf('audit')
export class AuditHolder implements PersonalDataHolder {
  readonly tables = TABLES;

  async exportFor(manager: EntityManager, userId: string): Promise<PersonalDataExport> {
    const result: PersonalDataExport = { tables: [], files: [] };
    const auditLog = await runQuery(
      manager,
      typedSql
        .selectFrom('audit_log')
        .selectAll()
        .where((eb) => eb.or([eb('actor_id', '=', userId), eb('entity_id', '=', userId)])),
    );
    result.tables.push({ table: 'audit_log', rows: auditLog });
    return result;
  }
}
