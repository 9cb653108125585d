import type { EntityManager } from 'typeorm';
import { overrideExists } from '../data-access/eligibility-overrides';

/** Whether staff overrode the eligibility rules for this application (with a reason, audited). */
export async function eligibilityOverridden(manager: EntityManager, applicationId: string): Promise<boolean> {
  const rows = await overrideExists(manager, { applicationId });
  return rows.length > 0;
}
