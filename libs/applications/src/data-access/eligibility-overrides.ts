import { type QueryArg, preparedQuery, runQuery, runQueryFirst, typedSql } from '@vgbf/database';
import type { NotNull } from 'kysely';
import type { EntityManager } from 'typeorm';

/** Whether staff overrode this application's eligibility (read on the submit path: compiled once). */
export const overrideExists = preparedQuery((arg: QueryArg<{ applicationId: string }>) =>
  typedSql
    .selectFrom('application_eligibility_overrides')
    .select((eb) => eb.lit(1).as('one'))
    .where('application_id', '=', arg('applicationId')),
);

/** The override with the name of who made it, if any. */
export function overrideWithName(manager: EntityManager, applicationId: string) {
  return runQueryFirst(
    manager,
    typedSql
      .selectFrom('application_eligibility_overrides as o')
      .innerJoin('user_contacts_v as u', 'u.id', 'o.overridden_by')
      .select(['o.reason', 'u.full_name as by_name', 'o.created_at'])
      .where('o.application_id', '=', applicationId)
      .$narrowType<{ by_name: NotNull }>(),
  );
}

/** Records (or re-words) the override; a new one replaces the old, at `now`. */
export async function upsertOverride(
  manager: EntityManager,
  values: { applicationId: string; reason: string; by: string; now: Date },
): Promise<void> {
  await runQuery(
    manager,
    typedSql
      .insertInto('application_eligibility_overrides')
      .values({ application_id: values.applicationId, reason: values.reason, overridden_by: values.by })
      .onConflict((oc) =>
        oc
          .column('application_id')
          .doUpdateSet({ reason: values.reason, overridden_by: values.by, created_at: values.now }),
      ),
  );
}
