import { Injectable } from '@nestjs/common';
import { runQuery, typedSql } from '@vgbf/database';
import {
  type HeldTable,
  type PersonalDataExport,
  type PersonalDataHolder,
  PersonalDataHolderOf,
  excluded,
  exported,
} from '@vgbf/personal-data';
import type { EntityManager } from 'typeorm';

/**
 * What the privacy module itself holds about a person: their requests, the transfers of their data
 * abroad, their consents (every given and withdrawn event) and who opened their data (as a role, never the person: a reviewer stays anonymous). Rows are
 * the person's as the subject only: a request staff filed for someone else is that person's data.
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
  {
    table: 'consent_events',
    columns: {
      id: exported('account'),
      user_id: exported('account'),
      purpose: exported('account'),
      action: exported('account'),
      notice_version: exported('account'),
      channel: exported('account'),
      user_agent: exported('account'),
      recorded_by: exported('account'),
      recorded_at: exported('account'),
    },
  },
  {
    table: 'privacy_notices',
    columns: {
      purpose: exported('account'),
      version: exported('account'),
      title_vi: exported('account'),
      title_en: exported('account'),
      body_vi: exported('account'),
      body_en: exported('account'),
      material: exported('account'),
      change_note: exported('account'),
      published_by: exported('account'),
      published_at: exported('account'),
    },
  },
  {
    table: 'personal_data_transfers',
    columns: {
      id: exported('account'),
      subject_user_id: exported('account'),
      cohort_id: exported('programme'),
      source_kind: exported('programme'),
      source_id: exported('programme'),
      recipient_kind: exported('programme'),
      recipient_name: exported('programme'),
      country: exported('programme'),
      categories: exported('programme'),
      basis: exported('programme'),
      transferred_at: exported('programme'),
    },
  },
  {
    table: 'personal_data_access_log',
    columns: {
      id: exported('audit'),
      actor_user_id: excluded(
        'who opened the data: a reviewer stays anonymous to the applicant; the export names the role',
      ),
      subject_user_id: exported('audit'),
      resource: exported('audit'),
      resource_id: exported('audit'),
      accessed_at: exported('audit'),
    },
  },
];

@Injectable()
@PersonalDataHolderOf('privacy')
export class PrivacyHolder implements PersonalDataHolder {
  readonly tables = TABLES;

  async exportFor(manager: EntityManager, userId: string): Promise<PersonalDataExport> {
    // One after the other: the export reads in one snapshot transaction, on one connection.
    const requests = await runQuery(
      manager,
      typedSql.selectFrom('data_requests').selectAll().where('subject_user_id', '=', userId),
    );
    const consents = await runQuery(
      manager,
      typedSql.selectFrom('consent_events').selectAll().where('user_id', '=', userId).orderBy('id'),
    );
    // Notices the person published (staff): their name on a published text.
    const notices = await runQuery(
      manager,
      typedSql.selectFrom('privacy_notices').selectAll().where('published_by', '=', userId),
    );
    const transfers = await runQuery(
      manager,
      typedSql.selectFrom('personal_data_transfers').selectAll().where('subject_user_id', '=', userId),
    );
    const accesses = await runQuery(
      manager,
      typedSql.selectFrom('personal_data_access_log').selectAll().where('subject_user_id', '=', userId),
    );
    return {
      tables: [
        { table: 'data_requests', rows: requests },
        { table: 'consent_events', rows: consents },
        { table: 'privacy_notices', rows: notices },
        { table: 'personal_data_transfers', rows: transfers },
        { table: 'personal_data_access_log', rows: accesses },
      ],
      files: [],
    };
  }
}
