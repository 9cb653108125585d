import { runQuery, runQueryFirst, typedSql } from '@vgbf/database';
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

/** The items as jsonb (typed as the JSON text they are sent as). */
const jsonb = (items: ActionItem[]) => sql<string>`${JSON.stringify(items)}::jsonb`;

/** A pair's sessions, newest first. */
export function sessionsOfPair(manager: EntityManager, pairingId: string): Promise<SessionRow[]> {
  return runQuery(
    manager,
    typedSql
      .selectFrom('mentoring_sessions')
      .select(COLUMNS)
      .where('pairing_id', '=', pairingId)
      .orderBy('held_at', 'desc')
      .orderBy('id')
      .$castTo<SessionRow>(),
  );
}

export async function insertSession(
  manager: EntityManager,
  pairingId: string,
  loggedBy: string,
  values: SessionValues,
): Promise<SessionRow> {
  const [row] = await runQuery(
    manager,
    typedSql
      .insertInto('mentoring_sessions')
      .values({ ...values, pairing_id: pairingId, action_items: jsonb(values.action_items), logged_by: loggedBy })
      .returning(COLUMNS)
      .$castTo<SessionRow>(),
  );
  return row;
}

export async function updateSession(
  manager: EntityManager,
  id: string,
  values: SessionValues,
  now: Date,
): Promise<SessionRow> {
  const [row] = await runQuery(
    manager,
    typedSql
      .updateTable('mentoring_sessions')
      .set({ ...values, action_items: jsonb(values.action_items), updated_at: now })
      .where('id', '=', id)
      .returning(COLUMNS)
      .$castTo<SessionRow>(),
  );
  return row;
}

/** The fellow's confirmation, with an optional rating and comment. */
export async function confirmSession(
  manager: EntityManager,
  id: string,
  now: Date,
  rating: number | null,
  comment: string | null,
): Promise<SessionRow> {
  const [row] = await runQuery(
    manager,
    typedSql
      .updateTable('mentoring_sessions')
      .set({ confirmed_at: now, rating, rating_comment: comment, updated_at: now })
      .where('id', '=', id)
      .returning(COLUMNS)
      .$castTo<SessionRow>(),
  );
  return row;
}

export async function deleteSession(manager: EntityManager, id: string): Promise<void> {
  await runQuery(manager, typedSql.deleteFrom('mentoring_sessions').where('id', '=', id));
}

/** The session, locked FOR UPDATE. */
export function lockSession(manager: EntityManager, id: string): Promise<SessionRow | undefined> {
  return runQueryFirst(
    manager,
    typedSql.selectFrom('mentoring_sessions').select(COLUMNS).where('id', '=', id).forUpdate().$castTo<SessionRow>(),
  );
}
