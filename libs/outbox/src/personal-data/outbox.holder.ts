import { Injectable } from '@nestjs/common';
import { runQuery, typedSql } from '@vgbf/database';
import {
  type HeldTable,
  type PersonalDataExport,
  type PersonalDataHolder,
  PersonalDataHolderOf,
  exported,
} from '@vgbf/personal-data';
import { sql } from 'kysely';
import type { EntityManager } from 'typeorm';

/**
 * What the outbox module holds about a person, for their access export (issue 17): every column of its
 * tables declared (exported with its data category, or excluded with the reason), the person's rows read
 * with its own queries. Checked against the migrated schema by test/privacy/personal-data-schema.
 */
const TABLES: HeldTable[] = [
  {
    table: 'outbox',
    columns: {
      id: exported('communications'),
      queue: exported('communications'),
      payload: exported('communications'),
      status: exported('communications'),
      attempts: exported('communications'),
      last_error: exported('communications'),
      created_at: exported('communications'),
      queued_at: exported('communications'),
      processed_at: exported('communications'),
    },
  },
];

@Injectable()
@PersonalDataHolderOf('outbox')
export class OutboxHolder implements PersonalDataHolder {
  readonly tables = TABLES;

  async exportFor(manager: EntityManager, userId: string): Promise<PersonalDataExport> {
    const result: PersonalDataExport = { tables: [], files: [] };
    const outbox = await runQuery(
      manager,
      typedSql
        .selectFrom('outbox')
        .selectAll()
        .where((eb) =>
          eb(
            sql<string>`${eb.ref('payload')}->>'to'`,
            '=',
            typedSql.selectFrom('user_contacts_v').select('email').where('id', '=', userId),
          ),
        ),
    );
    result.tables.push({ table: 'outbox', rows: outbox });
    return result;
  }
}
