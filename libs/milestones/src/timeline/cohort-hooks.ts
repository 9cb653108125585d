import { Injectable, type OnModuleInit } from '@nestjs/common';
import { CohortHooks } from '@vgbf/cohorts';
import { copyTemplate } from '../data-access/templates';

/** A copied cohort starts with the source's milestone template (when the source has one yet). */
@Injectable()
export class MilestoneCohortHooks implements OnModuleInit {
  constructor(private readonly hooks: CohortHooks) {}

  onModuleInit(): void {
    this.hooks.registerCopier('milestones', async (manager, fromId, toId) => {
      const copied = await copyTemplate(manager, fromId, toId);
      return { milestones: copied.length };
    });
  }
}
