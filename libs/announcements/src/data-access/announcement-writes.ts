import { type Database, runQuery, typedSql } from '@vgbf/database';
import type { Insertable } from 'kysely';
import type { EntityManager } from 'typeorm';

/** Writes an announcement in the caller's transaction; returns its id. */
export async function insertAnnouncement(
  manager: EntityManager,
  values: Insertable<Database['announcements']>,
): Promise<string> {
  const [row] = await runQuery(manager, typedSql.insertInto('announcements').values(values).returning('id'));
  return row.id;
}
