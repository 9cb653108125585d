import type { CohortStatus } from '@vgbf/cohorts';
import { runQueryFirst, typedSql } from '@vgbf/database';
import type { EntityManager } from 'typeorm';

/** Whether the cohort exists (cohorts' cohort_headers_v). */
export async function cohortExists(manager: EntityManager, cohortId: string): Promise<boolean> {
  const row = await runQueryFirst(
    manager,
    typedSql.selectFrom('cohort_headers_v').select('id').where('id', '=', cohortId),
  );
  return row !== undefined;
}

export interface CohortSelectionTerms {
  id: string;
  name: string;
  status: CohortStatus;
  offer_response_days: number;
}

/** A cohort's stage and the days an offer stays open (cohorts' cohort_selection_v), or undefined. */
export function cohortSelectionTerms(
  manager: EntityManager,
  cohortId: string,
): Promise<CohortSelectionTerms | undefined> {
  return runQueryFirst(
    manager,
    typedSql
      .selectFrom('cohort_selection_v')
      .select(['id', 'name', 'status', 'offer_response_days'])
      .where('id', '=', cohortId)
      .$castTo<CohortSelectionTerms>(),
  );
}
