import { runQuery, typedSql } from '@vgbf/database';
import { sql } from 'kysely';
import type { EntityManager } from 'typeorm';

/** Keeps a message for the person's daily digest. */
export async function insertDigestItem(manager: EntityManager, userId: string, message: object): Promise<void> {
  await runQuery(
    manager,
    typedSql.insertInto('digest_items').values({ user_id: userId, message: JSON.stringify(message) }),
  );
}

export interface PendingDigest<M> {
  user_id: string;
  email: string;
  full_name: string;
  language: 'vi' | 'en';
  messages: M[];
}

/** Takes every unsent item (sent_at = now) and returns them per person, oldest first, by email. */
export function takePendingDigests<M>(manager: EntityManager, now: Date): Promise<Array<PendingDigest<M>>> {
  return runQuery(
    manager,
    typedSql
      .with('taken', (db) =>
        db
          .updateTable('digest_items')
          .set({ sent_at: now })
          .where('sent_at', 'is', null)
          .returning(['id', 'user_id', 'message', 'created_at']),
      )
      .selectFrom('taken as t')
      .innerJoin('user_contacts_v as u', 'u.id', 't.user_id')
      .select([
        't.user_id',
        'u.email',
        'u.full_name',
        'u.language',
        sql<M[]>`jsonb_agg(${sql.ref('t.message')} ORDER BY ${sql.ref('t.created_at')}, ${sql.ref('t.id')})`.as(
          'messages',
        ),
      ])
      .groupBy(['t.user_id', 'u.email', 'u.full_name', 'u.language'])
      .orderBy('u.email')
      .$castTo<PendingDigest<M>>(),
  );
}
