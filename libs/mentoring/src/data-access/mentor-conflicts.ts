import { runQuery, runQueryFirst, typedSql } from '@vgbf/database';
import { sql } from 'kysely';
import type { EntityManager } from 'typeorm';
import { foldedContains } from './mentor-profiles';

export interface ConflictRow {
  id: string;
  mentor_id: string;
  mentor_name: string;
  fellow_id: string;
  fellow_name: string;
  cohort_id: string;
  reason: string;
  declared_by: string;
  created_at: Date;
}

const conflicts = () =>
  typedSql
    .selectFrom('mentor_conflicts as c')
    .innerJoin('user_contacts_v as m', 'm.id', 'c.mentor_id')
    .innerJoin('fellows_v as f', 'f.id', 'c.fellow_id')
    .select([
      'c.id',
      'c.mentor_id',
      'm.full_name as mentor_name',
      'c.fellow_id',
      'f.full_name as fellow_name',
      'f.cohort_id',
      'c.reason',
      'c.declared_by',
      'c.created_at',
    ])
    .$narrowType<{ mentor_name: string; fellow_name: string; cohort_id: string }>();

export function conflictOf(
  manager: EntityManager,
  mentorId: string,
  fellowId: string,
): Promise<ConflictRow | undefined> {
  return runQueryFirst(manager, conflicts().where('c.mentor_id', '=', mentorId).where('c.fellow_id', '=', fellowId));
}

/** A mentor's conflicts, by the fellow's name. */
export function conflictsOfMentor(manager: EntityManager, mentorId: string): Promise<ConflictRow[]> {
  return runQuery(
    manager,
    conflicts().where('c.mentor_id', '=', mentorId).orderBy('f.full_name').orderBy('c.created_at').orderBy('c.id'),
  );
}

/** A new conflict; undefined when the pair was declared already (the first declaration stays). */
export async function insertConflict(
  manager: EntityManager,
  values: { mentor_id: string; fellow_id: string; reason: string; declared_by: string },
): Promise<string | undefined> {
  const row = await runQueryFirst(
    manager,
    typedSql
      .insertInto('mentor_conflicts')
      .values(values)
      .onConflict((oc) => oc.columns(['mentor_id', 'fellow_id']).doNothing())
      .returning('id'),
  );
  return row?.id;
}

export function deleteConflict(
  manager: EntityManager,
  id: string,
  mentorId: string,
): Promise<{ fellow_id: string; reason: string; declared_by: string } | undefined> {
  return runQueryFirst(
    manager,
    typedSql
      .deleteFrom('mentor_conflicts')
      .where('id', '=', id)
      .where('mentor_id', '=', mentorId)
      .returning(['fellow_id', 'reason', 'declared_by']),
  );
}

export async function fellowExists(manager: EntityManager, fellowId: string): Promise<boolean> {
  const row = await runQueryFirst(
    manager,
    typedSql
      .selectFrom('fellows_v')
      .select(sql<number>`1`.as('one'))
      .where('id', '=', fellowId),
  );
  return row !== undefined;
}

export async function holdsMentorRole(manager: EntityManager, userId: string): Promise<boolean> {
  const row = await runQueryFirst(
    manager,
    typedSql
      .selectFrom('user_contacts_v')
      .select(sql<number>`1`.as('one'))
      .where('id', '=', userId)
      .where((eb) => eb(eb.val('mentor'), '=', eb.fn.any('roles'))),
  );
  return row !== undefined;
}

export interface DirectoryRow {
  id: string;
  full_name: string;
  enterprise_name: string | null;
  sector: string | null;
  cohort_id: string;
  cohort_name: string;
}

/** Active fellows (of a cohort, or all) whose name or enterprise contains the search, by name; 500 at most. */
export function activeFellowsDirectory(
  manager: EntityManager,
  cohortId: string | undefined,
  search: string,
): Promise<DirectoryRow[]> {
  let query = typedSql
    .selectFrom('fellows_v as f')
    .innerJoin('cohort_headers_v as c', 'c.id', 'f.cohort_id')
    .select(['f.id', 'f.full_name', 'f.enterprise_name', 'f.sector', 'f.cohort_id', 'c.name as cohort_name'])
    .where('f.status', '=', 'active');
  if (cohortId !== undefined) query = query.where('f.cohort_id', '=', cohortId);
  if (search !== '')
    query = query.where(
      foldedContains(
        sql<string>`${sql.ref('f.full_name')} || ' ' || coalesce(${sql.ref('f.enterprise_name')}, '')`,
        search,
      ),
    );
  return runQuery(manager, query.orderBy('f.full_name').orderBy('f.id').limit(500).$castTo<DirectoryRow>());
}
