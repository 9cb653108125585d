import { type QueryArg, preparedQuery, typedSql } from '@vgbf/database';
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

// On the submit path (every submit reads it): built and compiled once.
const settingsOf = preparedQuery((arg: QueryArg<{ id: string }>) =>
  typedSql
    .selectFrom('cohorts')
    .select(['id', 'name', 'status', 'application_opens_at', 'application_closes_at', 'eligibility_rules'])
    .where('id', '=', arg('id'))
    .$castTo<CohortSettingsRow>(),
);

/** The cohort's own settings (window, eligibility rules), without its hubs. */
export async function cohortSettings(manager: EntityManager, id: string): Promise<CohortSettingsRow | undefined> {
  return (await settingsOf(manager, { id }))[0];
}
