import { randomUUID } from 'node:crypto';
import { runQuery, runQueryFirst, typedSql } from '@vgbf/database';
import { type FieldCipher, fieldContext } from '@vgbf/encryption';
import { sql } from 'kysely';
import type { EntityManager } from 'typeorm';
import type { ActionItem, SessionMode } from '../entities/mentoring-session.entity';

export interface SessionRow {
  id: string;
  pairing_id: string;
  held_at: Date;
  duration_minutes: number;
  mode: SessionMode;
  topics: string[];
  other_topic: string | null;
  notes: string;
  action_items: ActionItem[];
  logged_by: string;
  confirmed_at: Date | null;
  rating: number | null;
  rating_comment: string | null;
  created_at: Date;
  updated_at: Date;
}

/** What a mentor logs of a session. */
export interface SessionValues {
  held_at: Date;
  duration_minutes: number;
  mode: SessionMode;
  topics: string[];
  other_topic: string | null;
  notes: string;
  action_items: ActionItem[];
}

const COLUMNS = [
  'id',
  'pairing_id',
  'held_at',
  'duration_minutes',
  'mode',
  'topics',
  'other_topic',
  'notes',
  'action_items',
  'logged_by',
  'confirmed_at',
  'rating',
  'rating_comment',
  'created_at',
  'updated_at',
] as const;

/**
 * The mentor's notes and the fellow's rating comment are encrypted at rest (libs/encryption), each
 * bound to its row: SQL never searches or sorts them, and they say the most about a person's year.
 * Encrypted here on the way in and decrypted on the way out, so nothing above this file sees a
 * ciphertext.
 */
export const ENCRYPTED_SESSION_COLUMNS = ['notes', 'rating_comment'] as const;

const seal = (cipher: FieldCipher, id: string, column: (typeof ENCRYPTED_SESSION_COLUMNS)[number], value: string) =>
  cipher.encrypt(value, fieldContext('mentoring_sessions', column, id));

/** A row as read, with its encrypted columns opened. */
export function openSession(cipher: FieldCipher, row: SessionRow): SessionRow {
  return {
    ...row,
    notes: cipher.decrypt(row.notes, fieldContext('mentoring_sessions', 'notes', row.id)),
    rating_comment:
      row.rating_comment === null
        ? null
        : cipher.decrypt(row.rating_comment, fieldContext('mentoring_sessions', 'rating_comment', row.id)),
  };
}

/** The items as jsonb (typed as the JSON text they are sent as). */
const jsonb = (items: ActionItem[]) => sql<string>`${JSON.stringify(items)}::jsonb`;

/** A pair's sessions, newest first. */
export async function sessionsOfPair(
  manager: EntityManager,
  cipher: FieldCipher,
  pairingId: string,
): Promise<SessionRow[]> {
  const rows = await runQuery(
    manager,
    typedSql
      .selectFrom('mentoring_sessions')
      .select(COLUMNS)
      .where('pairing_id', '=', pairingId)
      .orderBy('held_at', 'desc')
      .orderBy('id')
      .$castTo<SessionRow>(),
  );
  return rows.map((r) => openSession(cipher, r));
}

export async function insertSession(
  manager: EntityManager,
  cipher: FieldCipher,
  pairingId: string,
  loggedBy: string,
  values: SessionValues,
): Promise<SessionRow> {
  // The id is chosen here so the notes can be bound to their row before it exists.
  const id = randomUUID();
  const [row] = await runQuery(
    manager,
    typedSql
      .insertInto('mentoring_sessions')
      .values({
        ...values,
        id,
        notes: seal(cipher, id, 'notes', values.notes),
        pairing_id: pairingId,
        action_items: jsonb(values.action_items),
        logged_by: loggedBy,
      })
      .returning(COLUMNS)
      .$castTo<SessionRow>(),
  );
  return openSession(cipher, row);
}

export async function updateSession(
  manager: EntityManager,
  cipher: FieldCipher,
  id: string,
  values: SessionValues,
  now: Date,
): Promise<SessionRow> {
  const [row] = await runQuery(
    manager,
    typedSql
      .updateTable('mentoring_sessions')
      .set({
        ...values,
        notes: seal(cipher, id, 'notes', values.notes),
        action_items: jsonb(values.action_items),
        updated_at: now,
      })
      .where('id', '=', id)
      .returning(COLUMNS)
      .$castTo<SessionRow>(),
  );
  return openSession(cipher, row);
}

/** The fellow's confirmation, with an optional rating and comment. */
export async function confirmSession(
  manager: EntityManager,
  cipher: FieldCipher,
  id: string,
  now: Date,
  rating: number | null,
  comment: string | null,
): Promise<SessionRow> {
  const [row] = await runQuery(
    manager,
    typedSql
      .updateTable('mentoring_sessions')
      .set({
        confirmed_at: now,
        rating,
        rating_comment: comment === null ? null : seal(cipher, id, 'rating_comment', comment),
        updated_at: now,
      })
      .where('id', '=', id)
      .returning(COLUMNS)
      .$castTo<SessionRow>(),
  );
  return openSession(cipher, row);
}

export async function deleteSession(manager: EntityManager, id: string): Promise<void> {
  await runQuery(manager, typedSql.deleteFrom('mentoring_sessions').where('id', '=', id));
}

/** The session, locked FOR UPDATE. */
export async function lockSession(
  manager: EntityManager,
  cipher: FieldCipher,
  id: string,
): Promise<SessionRow | undefined> {
  const row = await runQueryFirst(
    manager,
    typedSql.selectFrom('mentoring_sessions').select(COLUMNS).where('id', '=', id).forUpdate().$castTo<SessionRow>(),
  );
  return row && openSession(cipher, row);
}

/**
 * For the key rotation: a batch of sessions (after `afterId`, by id) whose encrypted columns are not all
 * under the active key yet, locked so a concurrent edit waits; and the rewrite of their columns.
 */
export function sessionsToRotate(
  manager: EntityManager,
  afterId: string | null,
  limit: number,
): Promise<Array<{ id: string; notes: string; rating_comment: string | null }>> {
  return runQuery(
    manager,
    typedSql
      .selectFrom('mentoring_sessions')
      .select(['id', 'notes', 'rating_comment'])
      .$if(afterId !== null, (q) => q.where('id', '>', afterId!))
      .orderBy('id')
      .limit(limit)
      .forUpdate(),
  );
}

export async function rewriteSessionSecrets(
  manager: EntityManager,
  id: string,
  values: { notes: string; rating_comment: string | null },
): Promise<void> {
  await runQuery(manager, typedSql.updateTable('mentoring_sessions').set(values).where('id', '=', id));
}
