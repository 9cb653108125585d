import { runQuery, runQueryFirst, typedSql } from '@vgbf/database';
import type { EntityManager } from 'typeorm';

/** Whether the fellow belongs to the cohort (fellows' view). */
export async function fellowInCohort(manager: EntityManager, fellowId: string, cohortId: string): Promise<boolean> {
  const row = await runQueryFirst(
    manager,
    typedSql.selectFrom('fellows_v').select('id').where('id', '=', fellowId).where('cohort_id', '=', cohortId),
  );
  return row !== undefined;
}

/** The note staff left on a fellow's flag, if any. */
export async function acknowledgementNote(manager: EntityManager, fellowId: string, rule: string): Promise<string | undefined> {
  const row = await runQueryFirst(
    manager,
    typedSql.selectFrom('at_risk_acknowledgements').select('note').where('fellow_id', '=', fellowId).where('rule', '=', rule),
  );
  return row?.note;
}

/** Records (or replaces) the acknowledgement of one fellow's flag; once per fellow and rule. */
export async function upsertAcknowledgement(
  manager: EntityManager,
  ack: { fellowId: string; rule: string; note: string; acknowledgedBy: string; at: Date },
): Promise<{ note: string; acknowledged_by: string; created_at: Date }> {
  const [row] = await runQuery(
    manager,
    typedSql
      .insertInto('at_risk_acknowledgements')
      .values({ fellow_id: ack.fellowId, rule: ack.rule, note: ack.note, acknowledged_by: ack.acknowledgedBy })
      .onConflict((oc) =>
        oc.columns(['fellow_id', 'rule']).doUpdateSet((eb) => ({
          note: eb.ref('excluded.note'),
          acknowledged_by: eb.ref('excluded.acknowledged_by'),
          created_at: ack.at,
        })),
      )
      .returning(['note', 'acknowledged_by', 'created_at']),
  );
  return row;
}
