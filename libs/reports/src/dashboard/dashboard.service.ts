import { Injectable } from '@nestjs/common';
import { PROGRAM_TIME_ZONE } from '@vgbf/core';
import { Transactions, runQuery } from '@vgbf/database';
import { dashboardStatement } from '../data-access/dashboard';
import { statement } from '../data-access/relations';
import { ProgressService } from '../progress/progress.service';
import { DASHBOARD_AT_RISK_PAGE_SIZE, type DashboardView } from './dashboard.dto';

/** The cohort dashboard: the charts in one query and the first page of the at-risk list beside it, whatever the cohort's size. */
@Injectable()
export class DashboardService {
  constructor(
    private readonly progress: ProgressService,
    private readonly transactions: Transactions,
  ) {}

  async dashboard(cohortId: string): Promise<DashboardView> {
    // Side by side on two pool connections (outside a transaction): neither reads what the other writes.
    // The charts statement answers one row always (aggregates).
    const [atRisk, [row]] = await Promise.all([
      this.progress.atRisk(cohortId, { page: 1, pageSize: DASHBOARD_AT_RISK_PAGE_SIZE, offset: 0 }), // 404 for an unknown cohort
      runQuery(this.transactions.current(), statement(dashboardStatement(cohortId, PROGRAM_TIME_ZONE))),
    ]);
    return {
      today: atRisk.today,
      funnel: row.funnel,
      composition: row.composition,
      milestonesByWeek: row.milestones_by_week,
      sessionsByMonth: row.sessions_by_month,
      atRisk,
    };
  }
}
