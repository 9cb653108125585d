import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { CohortStatus } from './entities/cohort.entity';

/** Why a transition cannot happen yet, as a code the web words in each language and its figures. */
export interface TransitionBlocker {
  code: string;
  params: Record<string, unknown>;
}

/** A module's own precondition of a status change, read inside the transition's transaction. */
export type TransitionCheck = (
  manager: EntityManager,
  cohortId: string,
  from: CohortStatus,
  to: CohortStatus,
) => Promise<TransitionBlocker[]>;

/** A module copying its own per-cohort settings (rubric, milestone template…) to a new cohort; returns what it copied. */
export type CohortCopier = (
  manager: EntityManager,
  fromCohortId: string,
  toCohortId: string,
) => Promise<Record<string, unknown>>;

/**
 * Cohorts sit below the modules that keep per-cohort settings, so they cannot call them: those modules
 * register here at start (the way privacy registers data holders) and the cohort's transitions and
 * copies run them in their own transaction. Each module still owns its tables.
 */
@Injectable()
export class CohortHooks {
  readonly checks: Array<{ module: string; check: TransitionCheck }> = [];
  readonly copiers: Array<{ module: string; copy: CohortCopier }> = [];

  registerCheck(module: string, check: TransitionCheck): void {
    this.checks.push({ module, check });
  }

  registerCopier(module: string, copy: CohortCopier): void {
    this.copiers.push({ module, copy });
  }
}
