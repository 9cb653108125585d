import { runQueryFirst, typedSql } from '@vgbf/database';
import type { EntityManager } from 'typeorm';
import type { Cohort } from '../entities/cohort.entity';

export interface CohortSettingsRow {
  id: string;
  name: string;
  status: Cohort['status'];
  application_opens_at: Date;
  application_closes_at: Date;
  eligibility_rules: Cohort['eligibilityRules'];
}

/** The cohort's own settings (window, eligibility rules), without its hubs. */
export function cohortSettings(manager: EntityManager, id: string): Promise<CohortSettingsRow | undefined> {
  return runQueryFirst(
    manager,
    typedSql
      .selectFrom('cohorts')
      .select(['id', 'name', 'status', 'application_opens_at', 'application_closes_at', 'eligibility_rules'])
      .where('id', '=', id)
      .$castTo<CohortSettingsRow>(),
  );
}
