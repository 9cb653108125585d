import { Inject, Injectable } from '@nestjs/common';
import { Clock, PROGRAM_TIME_ZONE, programDay } from '@vgbf/core';
import { Transactions, runQuery, runQueryFirst } from '@vgbf/database';
import type { EntityManager } from 'typeorm';
import { type ProgressInput, type ProgressRow, progressStatement } from '../data-access/progress';
import { type ProgressSummaryRow, progressSummaryStatement } from '../data-access/progress-summary';
import { statement } from '../data-access/relations';
import { REPORTS_CONFIG, type ReportsConfig } from './reports-config';

/** Runs the progress statement with the configured rules: the API, the weekly report and on-demand reports share it. */
@Injectable()
export class ProgressQuery {
  constructor(
    private readonly clock: Clock,
    @Inject(REPORTS_CONFIG) readonly config: ReportsConfig,
    private readonly transactions: Transactions,
  ) {}

  /** Every fellow of the cohorts (or only the flagged ones), in one query however many cohorts. */
  rows(cohortIds: string[], atRiskOnly: boolean, manager: EntityManager = this.transactions.current()): Promise<ProgressRow[]> {
    return runQuery(manager, statement(progressStatement(this.input(cohortIds, atRiskOnly))));
  }

  /**
   * One page of a cohort's fellows by name (with `atRiskOnly`, of its flagged fellows) and the whole cohort's
   * figures: the page chosen from cheap aggregates over every fellow, then only its fellows computed in full
   * (by id alone: with the cohort condition as well the planner expected 1 row of 25 and nested every
   * per-fellow aggregate in a loop).
   */
  async page(
    cohortId: string,
    atRiskOnly: boolean,
    limit: number,
    offset: number,
    manager: EntityManager = this.transactions.current(),
  ): Promise<{ summary: ProgressSummaryRow; rows: ProgressRow[] }> {
    const summary = await runQueryFirst(
      manager,
      statement(progressSummaryStatement(this.input([cohortId], atRiskOnly), limit, offset)),
    );
    if (!summary) throw new Error('the progress summary always answers one row');
    const rows = summary.page_ids.length
      ? await runQuery(
          manager,
          statement(progressStatement({ ...this.input([cohortId], false), fellowIds: summary.page_ids })),
        )
      : [];
    return { summary, rows };
  }

  /** The statement's input: the cohorts, the Clock's now, the programme time zone and the configured rules. */
  input(cohortIds: string[], atRiskOnly: boolean): ProgressInput {
    return { cohortIds, now: this.clock.now(), timeZone: PROGRAM_TIME_ZONE, rules: this.config.rules, atRiskOnly };
  }

  now(): Date {
    return this.clock.now();
  }

  /** Today's calendar day in the programme time zone, YYYY-MM-DD. */
  today(): string {
    return programDay(this.clock.now());
  }
}
