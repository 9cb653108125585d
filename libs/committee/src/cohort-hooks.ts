import { Injectable, type OnModuleInit } from '@nestjs/common';
import { CohortHooks } from '@vgbf/cohorts';
import { copyRound, missingReviews } from './data-access/rounds';

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
    this.hooks.registerCopier('committee', async (manager, fromId, toId) => ({
      rubric: await copyRound(manager, fromId, toId),
    }));
  }
}
