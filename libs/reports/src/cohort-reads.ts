import { NotFoundError } from '@vgbf/core';
import type { EntityManager } from 'typeorm';

export interface CohortRow {
  id: string;
  name: string;
  status: string;
}

/** The cohort, read as a row (reports read other modules' tables, never their services); 404 when unknown. */
export async function cohortRow(manager: EntityManager, cohortId: string): Promise<CohortRow> {
  const [row] = await manager.query<CohortRow[]>(`SELECT id, name, status FROM cohort_headers_v WHERE id = $1`, [cohortId]);
  if (!row) throw new NotFoundError('Cohort', cohortId);
  return row;
}
