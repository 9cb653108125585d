import { runQuery, runQueryFirst, typedSql } from '@vgbf/database';
import type { ExpressionBuilder } from 'kysely';
import type { Database } from '@vgbf/database';
import type { EntityManager } from 'typeorm';
import type { ActionItem, SessionMode } from '../entities/mentoring-session.entity';

/** Revokes the user's live calendar feed(s); returns their ids. */
export function revokeFeeds(manager: EntityManager, userId: string, now: Date): Promise<Array<{ id: string }>> {
  return runQuery(
    manager,
    typedSql
      .updateTable('calendar_feeds')
      .set({ revoked_at: now })
      .where('user_id', '=', userId)
      .where('revoked_at', 'is', null)
      .returning('id'),
  );
}

export async function insertFeed(manager: EntityManager, userId: string, tokenHash: string): Promise<string> {
  const [row] = await runQuery(
    manager,
    typedSql.insertInto('calendar_feeds').values({ user_id: userId, token_hash: tokenHash }).returning('id'),
  );
  return row.id;
}

/** The owner of a live feed, and their language. */
export function liveFeed(
  manager: EntityManager,
  tokenHash: string,
): Promise<{ user_id: string; language: string } | undefined> {
  return runQueryFirst(
    manager,
    typedSql
      .selectFrom('calendar_feeds as c')
      .innerJoin('user_contacts_v as u', 'u.id', 'c.user_id')
      .select(['c.user_id', 'u.language'])
      .where('c.token_hash', '=', tokenHash)
      .where('c.revoked_at', 'is', null)
      .$narrowType<{ language: string }>(),
  );
}

type PairsOfUser = ExpressionBuilder<
  Database & { p: Database['pairings']; f: Database['fellows_v']; m: Database['user_contacts_v'] },
  'p' | 'f' | 'm'
>;

/** The name of the other side of the pair, as the user sees it. */
const otherName = (eb: PairsOfUser, userId: string) =>
  eb
    .case()
    .when('p.mentor_id', '=', userId)
    .then(eb.ref('f.full_name'))
    .else(eb.ref('m.full_name'))
    .end()
    .$castTo<string>()
    .as('other_name');

const ofUser = (eb: PairsOfUser, userId: string) =>
  eb.or([eb('p.mentor_id', '=', userId), eb('f.user_id', '=', userId)]);

export interface CalendarSessionRow {
  id: string;
  held_at: Date;
  duration_minutes: number;
  mode: SessionMode;
  topics: string[];
  other_topic: string | null;
  action_items: ActionItem[];
  other_name: string;
}

/** The user's logged sessions (as mentor or as fellow), oldest first. */
export function sessionsOfUser(manager: EntityManager, userId: string): Promise<CalendarSessionRow[]> {
  return runQuery(
    manager,
    typedSql
      .selectFrom('mentoring_sessions as s')
      .innerJoin('pairings as p', 'p.id', 's.pairing_id')
      .innerJoin('fellows_v as f', 'f.id', 'p.fellow_id')
      .innerJoin('user_contacts_v as m', 'm.id', 'p.mentor_id')
      .select((eb) => [
        's.id',
        's.held_at',
        's.duration_minutes',
        's.mode',
        's.topics',
        's.other_topic',
        's.action_items',
        otherName(eb, userId),
      ])
      .where((eb) => ofUser(eb, userId))
      .orderBy('s.held_at')
      .orderBy('s.id')
      .$castTo<CalendarSessionRow>(),
  );
}

export interface CalendarPlanRow {
  id: string;
  starts_at: Date;
  duration_minutes: number;
  mode: SessionMode;
  agenda: string;
  status: 'planned' | 'cancelled';
  other_name: string;
}

/** The user's planned and cancelled sessions, soonest first. */
export function plansOfUser(manager: EntityManager, userId: string): Promise<CalendarPlanRow[]> {
  return runQuery(
    manager,
    typedSql
      .selectFrom('planned_sessions as ps')
      .innerJoin('pairings as p', 'p.id', 'ps.pairing_id')
      .innerJoin('fellows_v as f', 'f.id', 'p.fellow_id')
      .innerJoin('user_contacts_v as m', 'm.id', 'p.mentor_id')
      .select((eb) => [
        'ps.id',
        'ps.starts_at',
        'ps.duration_minutes',
        'ps.mode',
        'ps.agenda',
        'ps.status',
        otherName(eb, userId),
      ])
      .where((eb) => ofUser(eb, userId))
      .where('ps.status', 'in', ['planned', 'cancelled'])
      .orderBy('ps.starts_at')
      .orderBy('ps.id')
      .$narrowType<{ mode: SessionMode; status: 'planned' | 'cancelled' }>(),
  );
}
