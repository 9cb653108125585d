import { Injectable, type OnModuleInit } from '@nestjs/common';
import { CohortHooks } from '@vgbf/cohorts';

/** A copied cohort starts with the source's milestone template (when the source has one yet). */
@Injectable()
export class MilestoneCohortHooks implements OnModuleInit {
  constructor(private readonly hooks: CohortHooks) {}

  onModuleInit(): void {
    this.hooks.registerCopier('milestones', async (manager, fromId, toId) => {
      const copied = await manager.query<unknown[]>(
        `INSERT INTO milestone_templates (cohort_id, code, position, title, description, anchor, offset_months,
                                          offset_days, evidence, reviewer, pillars)
         SELECT $2, code, position, title, description, anchor, offset_months, offset_days, evidence, reviewer, pillars
           FROM milestone_templates WHERE cohort_id = $1
         ON CONFLICT (cohort_id, code) DO NOTHING RETURNING code`,
        [fromId, toId],
      );
      return { milestones: copied.length };
    });
  }
}
