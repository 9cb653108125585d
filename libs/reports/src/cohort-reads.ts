import { NotFoundError } from '@vgbf/core';
import { runQueryFirst, typedSql } from '@vgbf/database';
import type { EntityManager } from 'typeorm';

export interface CohortRow {
  id: string;
  name: string;
  status: string;
}

/** The cohort, read as a row (reports read other modules' tables, never their services); 404 when unknown. */
export async function cohortRow(manager: EntityManager, cohortId: string): Promise<CohortRow> {
  const row = await runQueryFirst(
    manager,
    typedSql
      .selectFrom('cohort_headers_v')
      .select(['id', 'name', 'status'])
      .where('id', '=', cohortId)
      .$narrowType<CohortRow>(),
  );
  if (!row) throw new NotFoundError('Cohort', cohortId);
  return row;
}
