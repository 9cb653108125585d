import { runQueryFirst, typedSql } from '@vgbf/database';
import type { EntityManager } from 'typeorm';

/** Who applied with this application (applications' review view), for the access log; null when it is gone. */
export async function applicantOf(manager: EntityManager, applicationId: string): Promise<string | null> {
  const row = await runQueryFirst(
    manager,
    typedSql.selectFrom('application_review_v').select('applicant_id').where('id', '=', applicationId),
  );
  return row?.applicant_id ?? null;
}
