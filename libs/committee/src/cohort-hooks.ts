import { Injectable, type OnModuleInit } from '@nestjs/common';
import { CohortHooks } from '@vgbf/cohorts';
import type { EntityManager } from 'typeorm';

/**
 * The committee's part in a cohort's lifecycle: reviewing ends only when every application still in
 * review has all its assigned reviews, and a copied cohort starts with the source's rubric.
 */
@Injectable()
export class CommitteeCohortHooks implements OnModuleInit {
  constructor(private readonly hooks: CohortHooks) {}

  onModuleInit(): void {
    this.hooks.registerCheck('committee', async (manager, cohortId, from, to) => {
      if (from !== 'reviewing' || to !== 'selecting') return [];
      const missing = await missingReviews(manager, cohortId);
      return missing > 0 ? [{ code: 'reviews_missing', params: { missing } }] : [];
    });
    this.hooks.registerCopier('committee', async (manager, fromId, toId) => {
      const copied = await manager.query<unknown[]>(
        `INSERT INTO review_rounds (cohort_id, rubric, reviewers_per_application, disagreement_gap)
         SELECT $2, rubric, reviewers_per_application, disagreement_gap FROM review_rounds WHERE cohort_id = $1
         ON CONFLICT (cohort_id) DO NOTHING RETURNING cohort_id`,
        [fromId, toId],
      );
      return { rubric: copied.length > 0 };
    });
  }
}

/** Assignments without a submitted review, on applications still under review. */
export async function missingReviews(manager: EntityManager, cohortId: string): Promise<number> {
  const [row] = await manager.query<Array<{ n: number }>>(
    `SELECT count(*)::int AS n
       FROM review_assignments a
       JOIN applications_blind_v app ON app.id = a.application_id AND app.status = 'under_review'
      WHERE a.cohort_id = $1 AND NOT EXISTS (SELECT 1 FROM reviews r WHERE r.assignment_id = a.id)`,
    [cohortId],
  );
  return row?.n ?? 0;
}
