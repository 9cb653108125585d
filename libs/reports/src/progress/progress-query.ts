import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Clock, PROGRAM_TIME_ZONE, programDay } from '@vgbf/core';
import { Transactions } from '@vgbf/database';
import type { DataSource, EntityManager } from 'typeorm';
import { PROGRESS_PAGE_SQL, PROGRESS_SQL, type ProgressPageRow, type ProgressRow, progressParams } from './progress.sql';
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

  /** One page of a cohort's fellows (by name), each row also carrying the whole cohort's figures. */
  page(cohortId: string, limit: number, offset: number, manager: EntityManager = this.transactions.current()): Promise<ProgressPageRow[]> {
    return manager.query<ProgressPageRow[]>(PROGRESS_PAGE_SQL, [...this.params([cohortId], false), limit, offset]);
  }

  params(cohortIds: string[], atRiskOnly: boolean): unknown[] {
    return progressParams(cohortIds, this.clock.now(), PROGRAM_TIME_ZONE, this.config.rules, atRiskOnly);
  }

  now(): Date {
    return this.clock.now();
  }

  /** Today's calendar day in the programme time zone, YYYY-MM-DD. */
  today(): string {
    return programDay(this.clock.now());
  }
}
