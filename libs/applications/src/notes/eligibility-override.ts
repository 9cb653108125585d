import type { EntityManager } from 'typeorm';

/** Whether staff overrode the eligibility rules for this application (with a reason, audited). */
export async function eligibilityOverridden(manager: EntityManager, applicationId: string): Promise<boolean> {
  const rows = await manager.query<unknown[]>(
    `SELECT 1 FROM application_eligibility_overrides WHERE application_id = $1`,
    [applicationId],
  );
  return rows.length > 0;
}
