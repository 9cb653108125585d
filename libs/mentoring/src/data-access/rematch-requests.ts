import { runQuery, runQueryFirst, typedSql } from '@vgbf/database';
import { sql } from 'kysely';
import type { EntityManager } from 'typeorm';

/** An active pair, with its fellow's account. */
export function activePair(
  manager: EntityManager,
  pairingId: string,
): Promise<{ mentor_id: string; fellow_user: string; cohort_id: string } | undefined> {
  return runQueryFirst(
    manager,
    typedSql
      .selectFrom('pairings as p')
      .innerJoin('fellows_v as f', 'f.id', 'p.fellow_id')
      .select(['p.mentor_id', 'f.user_id as fellow_user', 'p.cohort_id'])
      .where('p.id', '=', pairingId)
      .where('p.status', '=', 'active')
      .$narrowType<{ fellow_user: string }>(),
  );
}

/** A new open request; undefined when this person has an open one on the pair already. */
export async function insertRequest(
  manager: EntityManager,
  values: { pairing_id: string; requested_by: string; requester_role: string; reason: string },
): Promise<string | undefined> {
  const row = await runQueryFirst(
    manager,
    typedSql
      .insertInto('rematch_requests')
      .values(values)
      .onConflict((oc) =>
        oc.columns(['pairing_id', 'requested_by']).where(sql.ref('status'), '=', sql.lit('open')).doNothing(),
      )
      .returning('id'),
  );
  return row?.id;
}

export interface RequestRow {
  id: string;
  pairing_id: string;
  fellow_id: string;
  fellow_name: string;
  mentor_id: string;
  mentor_name: string;
  requester_role: 'fellow' | 'mentor';
  reason: string;
  status: string;
  resolution: string | null;
  created_at: Date;
  resolved_at: Date | null;
}

/** A cohort's requests (or one of them), open ones first, newest first. */
export function requestsOfCohort(manager: EntityManager, cohortId: string, id?: string): Promise<RequestRow[]> {
  let query = typedSql
    .selectFrom('rematch_requests as r')
    .innerJoin('pairings as p', 'p.id', 'r.pairing_id')
    .innerJoin('fellows_v as f', 'f.id', 'p.fellow_id')
    .innerJoin('user_contacts_v as u', 'u.id', 'p.mentor_id')
    .select([
      'r.id',
      'r.pairing_id',
      'p.fellow_id',
      'f.full_name as fellow_name',
      'p.mentor_id',
      'u.full_name as mentor_name',
      'r.requester_role',
      'r.reason',
      'r.status',
      'r.resolution',
      'r.created_at',
      'r.resolved_at',
    ])
    .where('p.cohort_id', '=', cohortId);
  if (id !== undefined) query = query.where('r.id', '=', id);
  return runQuery(
    manager,
    query
      .orderBy(sql`${sql.ref('r.status')} = 'open'`, 'desc')
      .orderBy('r.created_at', 'desc')
      .$narrowType<{ fellow_name: string; mentor_name: string; requester_role: 'fellow' | 'mentor' }>(),
  );
}

/** The request with its pair, both rows locked FOR UPDATE. */
export function lockRequest(
  manager: EntityManager,
  id: string,
): Promise<
  { status: string; pairing_id: string; cohort_id: string; fellow_id: string; mentor_id: string } | undefined
> {
  return runQueryFirst(
    manager,
    typedSql
      .selectFrom('rematch_requests as r')
      .innerJoin('pairings as p', 'p.id', 'r.pairing_id')
      .select(['r.status', 'r.pairing_id', 'p.cohort_id', 'p.fellow_id', 'p.mentor_id'])
      .where('r.id', '=', id)
      .forUpdate(['r', 'p']),
  );
}

/** Ends an active pair. */
export async function endPair(manager: EntityManager, pairingId: string, now: Date, reason: string): Promise<void> {
  await runQuery(
    manager,
    typedSql
      .updateTable('pairings')
      .set({ status: 'ended', ended_at: now, ended_reason: reason })
      .where('id', '=', pairingId)
      .where('status', '=', 'active'),
  );
}

/** Resolves every open request of the pair the same way. */
export async function resolveRequests(
  manager: EntityManager,
  pairingId: string,
  values: { status: string; resolution: string; resolved_by: string; resolved_at: Date },
): Promise<void> {
  await runQuery(
    manager,
    typedSql
      .updateTable('rematch_requests')
      .set(values)
      .where('pairing_id', '=', pairingId)
      .where('status', '=', 'open'),
  );
}
