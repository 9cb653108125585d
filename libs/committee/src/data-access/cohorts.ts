import type { CohortStatus } from '@vgbf/cohorts';
import { runQuery, runQueryFirst, typedSql } from '@vgbf/database';
import { sql } from 'kysely';
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

export interface CohortHubName {
  cohort_id: string;
  code: string;
  name: string;
  name_vi: string | null;
}

/** The hubs of these cohorts with their names (cohorts' hubs_v): what a reviewer reads instead of a code. */
export function hubNamesOf(manager: EntityManager, cohortIds: string[]): Promise<CohortHubName[]> {
  if (!cohortIds.length) return Promise.resolve([]);
  return runQuery(
    manager,
    typedSql
      .selectFrom('hubs_v')
      .select(['cohort_id', 'code', 'name', 'name_vi'])
      .where('cohort_id', '=', sql<string>`ANY(${cohortIds}::uuid[])`)
      .$narrowType<{ cohort_id: string; code: string; name: string }>(),
  );
}

/** The named hubs among `preferences`, in their order (a code the cohort no longer has is left out). */
export function namedPreferences(
  preferences: string[],
  cohortId: string,
  hubs: CohortHubName[],
): Array<{ code: string; name: string; nameVi: string | null }> {
  return preferences.flatMap((code) => {
    const hub = hubs.find((h) => h.cohort_id === cohortId && h.code === code);
    return hub ? [{ code, name: hub.name, nameVi: hub.name_vi }] : [];
  });
}
