import { type Database, runQuery, typedSql } from '@vgbf/database';
import { type Insertable, sql } from 'kysely';
import type { EntityManager } from 'typeorm';

/** Writes an announcement in the caller's transaction; returns its id. */
export async function insertAnnouncement(
  manager: EntityManager,
  values: Insertable<Database['announcements']>,
): Promise<string> {
  const [row] = await runQuery(manager, typedSql.insertInto('announcements').values(values).returning('id'));
  return row.id;
}

/** Records who an announcement went to, in which language, and their outbox email. */
export async function insertRecipients(
  manager: EntityManager,
  announcementId: string,
  recipients: { userIds: string[]; languages: string[]; outboxIds: string[] },
): Promise<void> {
  await runQuery(
    manager,
    typedSql
      .insertInto('announcement_recipients')
      .columns(['announcement_id', 'user_id', 'language', 'outbox_id'])
      .expression(
        sql`SELECT ${announcementId}, u, l, o
              FROM unnest(${recipients.userIds}::uuid[], ${recipients.languages}::text[], ${recipients.outboxIds}::uuid[])
                AS t(u, l, o)`,
      ),
  );
}
