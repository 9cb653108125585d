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
 * What the privacy module itself holds about a person: their requests (and, as the consent and
 * access-log parts land, their consents and access-log rows: each part adds its tables here or its
 * own holder, through the same interface as the domain modules).
 */
const TABLES: HeldTable[] = [
  {
    table: 'data_requests',
    columns: {
      id: exported('account'),
      subject_user_id: exported('account'),
      kind: exported('account'),
      channel: exported('account'),
      details: exported('account'),
      processor_must_act: exported('account'),
      state: exported('account'),
      filed_by: exported('account'),
      received_at: exported('account'),
      received_on: exported('account'),
      acknowledge_by: exported('account'),
      due_on: exported('account'),
      acknowledged_at: exported('account'),
      acknowledged_by: exported('account'),
      extension_days: exported('account'),
      extension_reason: exported('account'),
      extended_at: exported('account'),
      extended_by: exported('account'),
      closed_at: exported('account'),
      closed_by: exported('account'),
      answer: exported('account'),
      created_at: exported('account'),
    },
  },
];

@Injectable()
@PersonalDataHolderOf('privacy')
export class PrivacyHolder implements PersonalDataHolder {
  readonly tables = TABLES;

  async exportFor(manager: EntityManager, userId: string): Promise<PersonalDataExport> {
    const rows = await runQuery(
      manager,
      typedSql
        .selectFrom('data_requests')
        .selectAll()
        .where((eb) => eb.or([eb('subject_user_id', '=', userId), eb('filed_by', '=', userId)])),
    );
    return { tables: [{ table: 'data_requests', rows }], files: [] };
  }
}
