import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PROGRAM_TIME_ZONE } from '@vgbf/core';
import type { DataSource } from 'typeorm';
import { ProgressService } from '../progress/progress.service';
import { DASHBOARD_SQL, type DashboardRow } from './dashboard.sql';
import { DASHBOARD_AT_RISK_PAGE_SIZE, type DashboardView } from './dashboard.dto';

/** The cohort dashboard: the charts in one query and the first page of the at-risk list beside it, whatever the cohort's size. */
@Injectable()
export class DashboardService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly progress: ProgressService,
  ) {}

  async dashboard(cohortId: string): Promise<DashboardView> {
    // Side by side on two pool connections: neither reads what the other writes (a read-only page).
    const [atRisk, [row]] = await Promise.all([
      this.progress.atRisk(cohortId, { page: 1, pageSize: DASHBOARD_AT_RISK_PAGE_SIZE, offset: 0 }), // 404 for an unknown cohort
      this.db.query<DashboardRow[]>(DASHBOARD_SQL, [cohortId, PROGRAM_TIME_ZONE]),
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
