import { Inject, Injectable } from '@nestjs/common';
import { Clock, PROGRAM_TIME_ZONE, programDay } from '@vgbf/core';
import { Transactions, runQuery } from '@vgbf/database';
import type { EntityManager } from 'typeorm';
import {
  type ProgressInput,
  type ProgressPageRow,
  type ProgressRow,
  progressPageStatement,
  progressStatement,
} from '../data-access/progress';
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

  /** One page of a cohort's fellows (by name), each row also carrying the whole cohort's figures. */
  page(cohortId: string, limit: number, offset: number, manager: EntityManager = this.transactions.current()): Promise<ProgressPageRow[]> {
    return runQuery(manager, statement(progressPageStatement(this.input([cohortId], false), limit, offset)));
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
