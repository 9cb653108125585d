import { Injectable } from '@nestjs/common';
import { PROGRAM_TIME_ZONE } from '@vgbf/core';
import { Transactions, runQuery } from '@vgbf/database';
import { dashboardStatement } from '../data-access/dashboard';
import { statement } from '../data-access/relations';
import { ProgressService } from '../progress/progress.service';
import type { DashboardView } from './dashboard.dto';

/** The cohort dashboard: two queries (the charts, the at-risk list), whatever the cohort's size. */
@Injectable()
export class DashboardService {
  constructor(
    private readonly progress: ProgressService,
    private readonly transactions: Transactions,
  ) {}

  async dashboard(cohortId: string): Promise<DashboardView> {
    const atRisk = await this.progress.atRisk(cohortId); // 404 for an unknown cohort
    // One row always (aggregates).
    const [row] = await runQuery(this.transactions.current(), statement(dashboardStatement(cohortId, PROGRAM_TIME_ZONE)));
    return {
      today: atRisk.today,
      funnel: row.funnel,
      composition: row.composition,
      milestonesByWeek: row.milestones_by_week,
      sessionsByMonth: row.sessions_by_month,
      atRisk: atRisk.fellows,
    };
  }
}
