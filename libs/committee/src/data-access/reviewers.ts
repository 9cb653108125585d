import { runQuery, runQueryFirst, typedSql } from '@vgbf/database';
import { sql } from 'kysely';
import type { EntityManager } from 'typeorm';

export interface ReviewerRow {
  id: string;
  full_name: string;
  email: string;
  sectors: string[] | null;
  organisation: string | null;
  max_load: number | null;
  assignments: number;
  reviews_done: number;
}

/**
 * The reviewers (accounts with the reviewer role, from identity's user_contacts_v) with their profile
 * and load, by name; one reviewer with `id`. One pass over the assignments (a reviewer's load spans
 * every cohort), not a scan of reviews per reviewer.
 */
export function reviewerRows(manager: EntityManager, id: string | null): Promise<ReviewerRow[]> {
  let query = typedSql
    .with('load', (db) => {
      let load = db
        .selectFrom('review_assignments as a')
        .leftJoin('reviews as r', 'r.assignment_id', 'a.id')
        .select((eb) => [
          'a.reviewer_id',
          sql<number>`count(*)::int`.as('assignments'),
          sql<number>`count(${eb.ref('r.assignment_id')})::int`.as('reviews_done'),
        ])
        .groupBy('a.reviewer_id');
      if (id !== null) load = load.where('a.reviewer_id', '=', id);
      return load;
    })
    .selectFrom('user_contacts_v as u')
    .leftJoin('reviewer_profiles as p', 'p.user_id', 'u.id')
    .leftJoin('load as l', 'l.reviewer_id', 'u.id')
    .select((eb) => [
      'u.id',
      'u.full_name',
      'u.email',
      'p.sectors',
      'p.organisation',
      'p.max_load',
      eb.fn.coalesce('l.assignments', sql.lit(0)).as('assignments'),
      eb.fn.coalesce('l.reviews_done', sql.lit(0)).as('reviews_done'),
    ])
    .where((eb) => eb(eb.val('reviewer'), '=', eb.fn.any('u.roles')))
    .orderBy('u.full_name')
    .orderBy('u.id')
    .$castTo<ReviewerRow>();
  if (id !== null) query = query.where('u.id', '=', id);
  return runQuery(manager, query);
}

/** The roles of an account (identity's user_contacts_v), or undefined for an unknown one. */
export async function accountRoles(manager: EntityManager, userId: string): Promise<string[] | undefined> {
  const row = await runQueryFirst(
    manager,
    typedSql.selectFrom('user_contacts_v').select('roles').where('id', '=', userId),
  );
  return row ? (row.roles ?? []) : undefined;
}

/** The names of these accounts, by id. */
export async function accountNames(manager: EntityManager, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await runQuery(
    manager,
    typedSql
      .selectFrom('user_contacts_v')
      .select(['id', 'full_name'])
      .where((eb) => eb('id', '=', eb.fn.any(eb.val(ids)))),
  );
  return new Map(rows.map((r) => [r.id as string, r.full_name ?? '']));
}

/** The reviewers assignment may choose from: id, sectors and load cap, by id. */
export function assignableReviewers(
  manager: EntityManager,
): Promise<Array<{ id: string; sectors: string[] | null; max_load: number | null }>> {
  return runQuery(
    manager,
    typedSql
      .selectFrom('user_contacts_v as u')
      .leftJoin('reviewer_profiles as p', 'p.user_id', 'u.id')
      .select(['u.id', 'p.sectors', 'p.max_load'])
      .where((eb) => eb(eb.val('reviewer'), '=', eb.fn.any('u.roles')))
      .orderBy('u.id')
      .$castTo<{ id: string; sectors: string[] | null; max_load: number | null }>(),
  );
}
