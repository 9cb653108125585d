import { runQueryFirst, typedSql } from '@vgbf/database';
import { sql } from 'kysely';
import type { EntityManager } from 'typeorm';
import type { PairingStatus } from '../entities/pairing.entity';

export interface PairRow {
  id: string;
  cohort_id: string;
  status: PairingStatus;
  mentor_id: string;
  fellow_id: string;
  fellow_user_id: string;
  start_date: string;
  end_date: string;
}

/** A pair with its fellow's account and programme year (calendar days); `lock` takes FOR SHARE OF the pairing. */
export function pairWithFellow(manager: EntityManager, pairingId: string, lock: boolean): Promise<PairRow | undefined> {
  let query = typedSql
    .selectFrom('pairings as p')
    .innerJoin('fellows_v as f', 'f.id', 'p.fellow_id')
    .select([
      'p.id',
      'p.cohort_id',
      'p.status',
      'p.mentor_id',
      'p.fellow_id',
      'f.user_id as fellow_user_id',
      sql<string>`to_char(${sql.ref('f.start_date')}, 'YYYY-MM-DD')`.as('start_date'),
      sql<string>`to_char(${sql.ref('f.end_date')}, 'YYYY-MM-DD')`.as('end_date'),
    ])
    .where('p.id', '=', pairingId)
    .$narrowType<{ status: PairingStatus; fellow_user_id: string }>();
  if (lock) query = query.forShare('p');
  return runQueryFirst(manager, query);
}
