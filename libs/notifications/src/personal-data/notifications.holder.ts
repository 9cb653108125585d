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
 * What the notifications module holds about a person, for their access export (issue 17): every column of its
 * tables declared (exported with its data category, or excluded with the reason), the person's rows read
 * with its own queries. Checked against the migrated schema by test/privacy/personal-data-schema.
 */
const TABLES: HeldTable[] = [
  {
    table: 'notification_preferences',
    columns: {
      user_id: exported('communications'),
      delivery: exported('communications'),
      optional_emails: exported('communications'),
      updated_at: exported('communications'),
    },
  },
  {
    table: 'digest_items',
    columns: {
      id: exported('communications'),
      user_id: exported('communications'),
      message: exported('communications'),
      created_at: exported('communications'),
      sent_at: exported('communications'),
    },
  },
  {
    table: 'reminder_log',
    columns: {
      id: exported('communications'),
      family: exported('communications'),
      subject_id: exported('communications'),
      step: exported('communications'),
      due_on: exported('communications'),
      due_time: exported('communications'),
      recipient_id: exported('communications'),
      delivery: exported('communications'),
      created_at: exported('communications'),
    },
  },
];

@Injectable()
@PersonalDataHolderOf('notifications')
export class NotificationsHolder implements PersonalDataHolder {
  readonly tables = TABLES;

  async exportFor(manager: EntityManager, userId: string): Promise<PersonalDataExport> {
    const result: PersonalDataExport = { tables: [], files: [] };
    const notificationPreferences = await runQuery(
      manager,
      typedSql
        .selectFrom('notification_preferences')
        .selectAll()
        .where((eb) => eb('user_id', '=', userId)),
    );
    result.tables.push({ table: 'notification_preferences', rows: notificationPreferences });
    const digestItems = await runQuery(
      manager,
      typedSql
        .selectFrom('digest_items')
        .selectAll()
        .where((eb) => eb('user_id', '=', userId)),
    );
    result.tables.push({ table: 'digest_items', rows: digestItems });
    const reminderLog = await runQuery(
      manager,
      typedSql
        .selectFrom('reminder_log')
        .selectAll()
        .where((eb) => eb('recipient_id', '=', userId)),
    );
    result.tables.push({ table: 'reminder_log', rows: reminderLog });
    return result;
  }
}
