import { type Database, runQuery, typedSql } from '@vgbf/database';
import type { Purpose } from '@vgbf/personal-data';
import { type Insertable, sql } from 'kysely';
import type { EntityManager } from 'typeorm';
import type { ConsentAction, ConsentChannel } from '../entities/consent.entities';

export interface ConsentEventRow {
  id: string;
  purpose: Purpose;
  action: ConsentAction;
  notice_version: number;
  channel: ConsentChannel;
  user_agent: string | null;
  recorded_by: string;
  recorder_name: string | null;
  recorded_at: Date;
}

export async function insertConsentEvents(
  manager: EntityManager,
  rows: Array<Insertable<Database['consent_events']>>,
): Promise<void> {
  if (rows.length) await runQuery(manager, typedSql.insertInto('consent_events').values(rows));
}

const EVENT_COLUMNS = [
  'e.id',
  'e.purpose',
  'e.action',
  'e.notice_version',
  'e.channel',
  'e.user_agent',
  'e.recorded_by',
  'r.full_name as recorder_name',
  'e.recorded_at',
] as const;

/** The person's latest event per purpose: their consents' state now (the notice versions decide whether each stands). */
export function latestEvents(manager: EntityManager, userId: string): Promise<ConsentEventRow[]> {
  return runQuery(
    manager,
    typedSql
      .selectFrom('consent_events as e')
      .leftJoin('user_contacts_v as r', 'r.id', 'e.recorded_by')
      .distinctOn('e.purpose')
      .select(EVENT_COLUMNS)
      .where('e.user_id', '=', userId)
      .orderBy('e.purpose')
      .orderBy('e.id', 'desc')
      .$narrowType<ConsentEventRow>(),
  );
}

/** Every event of the person, newest first: the proof of what they agreed to and withdrew. */
export function consentHistory(manager: EntityManager, userId: string): Promise<ConsentEventRow[]> {
  return runQuery(
    manager,
    typedSql
      .selectFrom('consent_events as e')
      .leftJoin('user_contacts_v as r', 'r.id', 'e.recorded_by')
      .select(EVENT_COLUMNS)
      .where('e.user_id', '=', userId)
      .orderBy('e.id', 'desc')
      .limit(500)
      .$narrowType<ConsentEventRow>(),
  );
}

/**
 * Of these people, those whose consent to the purpose stands: their latest event for it is a consent
 * given under a notice version at least the latest material one. One query.
 */
export async function standingHolders(
  manager: EntityManager,
  userIds: readonly string[],
  purpose: Purpose,
): Promise<string[]> {
  if (!userIds.length) return [];
  const rows = await runQuery(
    manager,
    typedSql
      .selectFrom((eb) =>
        eb
          .selectFrom('consent_events')
          .distinctOn('user_id')
          .select(['user_id', 'action', 'notice_version'])
          .where('purpose', '=', purpose)
          .where('user_id', '=', sql<string>`ANY(${[...userIds]}::uuid[])`)
          .orderBy('user_id')
          .orderBy('id', 'desc')
          .as('latest'),
      )
      .select('latest.user_id')
      .where('latest.action', '=', 'given')
      .where('latest.notice_version', '>=', (eb) =>
        eb
          .selectFrom('privacy_notices')
          .select((n) => n.fn.coalesce(n.fn.max('version').filterWhere('material', '=', true), sql<number>`1`).as('v'))
          .where('purpose', '=', purpose),
      ),
  );
  return rows.map((r) => r.user_id);
}

/** Per purpose, how many people's consent stands now, and how many gave one that a material change or a withdrawal ended. */
export function consentCounts(
  manager: EntityManager,
): Promise<Array<{ purpose: Purpose; standing: number; lapsed: number; withdrawn: number }>> {
  return runQuery(
    manager,
    typedSql
      .selectFrom((eb) =>
        eb
          .selectFrom('consent_events')
          .distinctOn(['user_id', 'purpose'])
          .select(['user_id', 'purpose', 'action', 'notice_version'])
          .orderBy('user_id')
          .orderBy('purpose')
          .orderBy('id', 'desc')
          .as('latest'),
      )
      .innerJoin(
        (eb) =>
          eb
            .selectFrom('privacy_notices')
            .select((n) => [
              'purpose',
              n.fn.coalesce(n.fn.max('version').filterWhere('material', '=', true), sql<number>`1`).as('required'),
            ])
            .groupBy('purpose')
            .as('req'),
        (join) => join.onRef('req.purpose', '=', 'latest.purpose'),
      )
      .select((eb) => [
        'latest.purpose',
        eb.fn
          .countAll<string>()
          .filterWhere((w) =>
            w.and([w('latest.action', '=', 'given'), w('latest.notice_version', '>=', w.ref('req.required'))]),
          )
          .as('standing'),
        eb.fn
          .countAll<string>()
          .filterWhere((w) =>
            w.and([w('latest.action', '=', 'given'), w('latest.notice_version', '<', w.ref('req.required'))]),
          )
          .as('lapsed'),
        eb.fn.countAll<string>().filterWhere('latest.action', '=', 'withdrawn').as('withdrawn'),
      ])
      .groupBy('latest.purpose')
      .$castTo<{ purpose: Purpose; standing: string; lapsed: string; withdrawn: string }>(),
  ).then((rows) =>
    rows.map((r) => ({
      purpose: r.purpose,
      standing: Number(r.standing),
      lapsed: Number(r.lapsed),
      withdrawn: Number(r.withdrawn),
    })),
  );
}

/** Whether the account exists (for staff acting on someone's behalf). */
export async function accountExists(manager: EntityManager, userId: string): Promise<boolean> {
  const rows = await runQuery(manager, typedSql.selectFrom('user_contacts_v').select('id').where('id', '=', userId));
  return rows.length > 0;
}

/**
 * Consents given by many people at once under each purpose's current notice, for people with no event
 * yet for that purpose (new accounts: the demo seeder, bulk factories). One statement.
 */
export async function insertFirstConsents(
  manager: EntityManager,
  userIds: readonly string[],
  purposes: readonly Purpose[],
  evidence: { channel: ConsentChannel; userAgent: string | null; recordedBy: string | null },
  at: Date,
): Promise<number> {
  if (!userIds.length || !purposes.length) return 0;
  const rows = await runQuery(
    manager,
    typedSql
      .insertInto('consent_events')
      .columns([
        'user_id',
        'purpose',
        'action',
        'notice_version',
        'channel',
        'user_agent',
        'recorded_by',
        'recorded_at',
      ])
      .expression(
        typedSql
          .selectFrom(sql<{ user_id: string }>`unnest(${[...userIds]}::uuid[])`.as('u'))
          .innerJoin(
            (eb) =>
              eb
                .selectFrom('privacy_notices')
                .select((n) => ['purpose', n.fn.max('version').as('version')])
                .where('purpose', '=', sql<string>`ANY(${[...purposes]}::text[])`)
                .groupBy('purpose')
                .as('n'),
            (join) => join.onTrue(),
          )
          .select((eb) => [
            sql<string>`u`.as('user_id'),
            'n.purpose',
            eb.val('given').as('action'),
            'n.version',
            eb.val(evidence.channel).as('channel'),
            eb.val(evidence.userAgent).as('user_agent'),
            sql<string>`coalesce(${evidence.recordedBy}::uuid, u)`.as('recorded_by'),
            eb.val(at).as('recorded_at'),
          ])
          .where((eb) =>
            eb.not(
              eb.exists(
                eb
                  .selectFrom('consent_events as e')
                  .select('e.id')
                  .whereRef('e.purpose', '=', 'n.purpose')
                  .where('e.user_id', '=', sql<string>`u`),
              ),
            ),
          ),
      )
      .returning('id'),
  );
  return rows.length;
}
