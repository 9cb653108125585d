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
 * What the announcements module holds about a person, for their access export (issue 17): every column of its
 * tables declared (exported with its data category, or excluded with the reason), the person's rows read
 * with its own queries. Checked against the migrated schema by test/privacy/personal-data-schema.
 */
const TABLES: HeldTable[] = [
  {
    table: 'announcement_recipients',
    columns: {
      announcement_id: exported('communications'),
      user_id: exported('communications'),
      language: exported('communications'),
      outbox_id: exported('communications'),
      created_at: exported('communications'),
    },
  },
  {
    table: 'announcements',
    columns: {
      id: exported('communications'),
      cohort_id: exported('communications'),
      audience: exported('communications'),
      template: exported('communications'),
      subject_vi: exported('communications'),
      body_vi: exported('communications'),
      subject_en: exported('communications'),
      body_en: exported('communications'),
      purpose: exported('communications'),
      recipient_count: exported('communications'),
      sent_by: exported('communications'),
      idempotency_key: exported('communications'),
      created_at: exported('communications'),
    },
  },
];

@Injectable()
@PersonalDataHolderOf('announcements')
export class AnnouncementsHolder implements PersonalDataHolder {
  readonly tables = TABLES;

  async exportFor(manager: EntityManager, userId: string): Promise<PersonalDataExport> {
    const result: PersonalDataExport = { tables: [], files: [] };
    const announcementRecipients = await runQuery(
      manager,
      typedSql
        .selectFrom('announcement_recipients')
        .selectAll()
        .where((eb) => eb('user_id', '=', userId)),
    );
    result.tables.push({ table: 'announcement_recipients', rows: announcementRecipients });
    const announcements = await runQuery(
      manager,
      typedSql
        .selectFrom('announcements')
        .selectAll()
        .where((eb) =>
          eb.or([
            eb('sent_by', '=', userId),
            eb(
              'id',
              'in',
              typedSql.selectFrom('announcement_recipients').select('announcement_id').where('user_id', '=', userId),
            ),
          ]),
        ),
    );
    result.tables.push({ table: 'announcements', rows: announcements });
    return result;
  }
}
