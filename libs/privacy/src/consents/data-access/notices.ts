import { type Database, runQuery, runQueryFirst, typedSql } from '@vgbf/database';
import type { Purpose } from '@vgbf/personal-data';
import type { Insertable } from 'kysely';
import type { EntityManager } from 'typeorm';

export interface NoticeRow {
  purpose: Purpose;
  version: number;
  title_vi: string;
  title_en: string;
  body_vi: string;
  body_en: string;
  material: boolean;
  change_note: string | null;
  published_at: Date;
  publisher_name: string | null;
}

const NOTICE_COLUMNS = [
  'n.purpose',
  'n.version',
  'n.title_vi',
  'n.title_en',
  'n.body_vi',
  'n.body_en',
  'n.material',
  'n.change_note',
  'n.published_at',
  'u.full_name as publisher_name',
] as const;

/** Every version of every notice (or of one purpose), newest first per purpose. */
export function noticeVersions(manager: EntityManager, purpose?: Purpose): Promise<NoticeRow[]> {
  let query = typedSql
    .selectFrom('privacy_notices as n')
    .leftJoin('user_contacts_v as u', 'u.id', 'n.published_by')
    .select(NOTICE_COLUMNS)
    .orderBy('n.purpose')
    .orderBy('n.version', 'desc');
  if (purpose) query = query.where('n.purpose', '=', purpose);
  return runQuery(manager, query.$narrowType<NoticeRow>());
}

/** Each purpose's current (latest) notice. */
export function currentNotices(manager: EntityManager): Promise<NoticeRow[]> {
  return runQuery(
    manager,
    typedSql
      .selectFrom('privacy_notices as n')
      .leftJoin('user_contacts_v as u', 'u.id', 'n.published_by')
      .distinctOn('n.purpose')
      .select(NOTICE_COLUMNS)
      .orderBy('n.purpose')
      .orderBy('n.version', 'desc')
      .$narrowType<NoticeRow>(),
  );
}

/**
 * Per purpose: the current version, and the version a consent must be given under at least to stand
 * (the latest material version).
 */
export async function noticeVersionsInForce(
  manager: EntityManager,
): Promise<Map<Purpose, { current: number; required: number }>> {
  const rows = await runQuery(
    manager,
    typedSql
      .selectFrom('privacy_notices')
      .select((eb) => [
        'purpose',
        eb.fn.max('version').as('current'),
        eb.fn.max('version').filterWhere('material', '=', true).as('required'),
      ])
      .groupBy('purpose'),
  );
  return new Map(rows.map((r) => [r.purpose as Purpose, { current: r.current, required: r.required ?? 1 }]));
}

/** The next version number of a purpose's notice, the row locked so two publications cannot take the same. */
export async function lockLatestVersion(manager: EntityManager, purpose: Purpose): Promise<number> {
  const row = await runQueryFirst(
    manager,
    typedSql
      .selectFrom('privacy_notices')
      .select('version')
      .where('purpose', '=', purpose)
      .orderBy('version', 'desc')
      .limit(1)
      .forUpdate(),
  );
  return row?.version ?? 0;
}

export async function insertNotice(
  manager: EntityManager,
  values: Insertable<Database['privacy_notices']>,
): Promise<void> {
  await runQuery(manager, typedSql.insertInto('privacy_notices').values(values));
}
