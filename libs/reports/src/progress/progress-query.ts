import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Clock, PROGRAM_TIME_ZONE, programDay } from '@vgbf/core';
import { Transactions } from '@vgbf/database';
import type { DataSource, EntityManager } from 'typeorm';
import { PROGRESS_SUMMARY_SQL, type ProgressSummaryRow } from './progress-summary.sql';
import { PROGRESS_SQL, type ProgressRow, progressParams } from './progress.sql';
import { REPORTS_CONFIG, type ReportsConfig } from './reports-config';

/** Runs PROGRESS_SQL with the configured rules: the API, the weekly report and on-demand reports share it. */
@Injectable()
export class ProgressQuery {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
    @Inject(REPORTS_CONFIG) readonly config: ReportsConfig,
    private readonly transactions: Transactions,
  ) {}

  /** Every fellow of the cohorts (or only the flagged ones), in one query however many cohorts. */
  rows(cohortIds: string[], atRiskOnly: boolean, manager: EntityManager = this.transactions.current()): Promise<ProgressRow[]> {
    return manager.query<ProgressRow[]>(PROGRESS_SQL, this.params(cohortIds, atRiskOnly));
  }

  /**
   * One page of a cohort's fellows by name (with `atRiskOnly`, of its flagged fellows) and the whole cohort's
   * figures: the page chosen from cheap aggregates over every fellow, then only its fellows computed in full.
   */
  async page(
    cohortId: string,
    atRiskOnly: boolean,
    limit: number,
    offset: number,
    manager: EntityManager = this.transactions.current(),
  ): Promise<{ summary: ProgressSummaryRow; rows: ProgressRow[] }> {
    const [summary] = await manager.query<ProgressSummaryRow[]>(PROGRESS_SUMMARY_SQL, [
      ...this.params([cohortId], atRiskOnly),
      limit,
      offset,
    ]);
    const rows = summary.page_ids.length
      ? await manager.query<ProgressRow[]>(PROGRESS_SQL, this.params([cohortId], false, summary.page_ids))
      : [];
    return { summary, rows };
  }

  params(cohortIds: string[], atRiskOnly: boolean, fellowIds: string[] | null = null): unknown[] {
    return progressParams(cohortIds, this.clock.now(), PROGRAM_TIME_ZONE, this.config.rules, atRiskOnly, fellowIds);
  }

  now(): Date {
    return this.clock.now();
  }

  /** Today's calendar day in the programme time zone, YYYY-MM-DD. */
  today(): string {
    return programDay(this.clock.now());
  }
}
