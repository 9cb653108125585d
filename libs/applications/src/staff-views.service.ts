import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type Page, toPage } from '@vgbf/core';
import type { DataSource } from 'typeorm';
import { applicationCount, applicationPage, statusCounts } from './data-access/application-lists';
import type { ApplicationListItem, ApplicationListQuery, PipelineView } from './dto/staff-query.dto';
import { APPLICATION_STATUSES, type ApplicationStatus } from './entities/application.entity';

/** Staff views of a cohort's applications, computed in SQL. */
@Injectable()
export class StaffViewsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async list(query: ApplicationListQuery): Promise<Page<ApplicationListItem>> {
    const rows = await applicationPage(this.db.manager, query, query);
    const items = rows.map((r) => ({
      id: r.id,
      status: r.status,
      fullName: r.full_name,
      enterpriseName: r.enterprise_name,
      sector: r.sector,
      region: r.region,
      hubPreferences: r.hub_preferences,
      submittedAt: r.submitted_at?.toISOString() ?? null,
    }));
    // Past the last page there is no row to carry the window count: count separately.
    const total = rows[0]?.total ?? (query.offset > 0 ? await applicationCount(this.db.manager, query) : 0);
    return toPage(items, Number(total ?? 0), query);
  }

  /** How many applications are in each status, for one cohort. */
  async pipeline(cohortId: string): Promise<PipelineView> {
    const rows = await statusCounts(this.db.manager, cohortId);
    const counts = Object.fromEntries(APPLICATION_STATUSES.map((s) => [s, 0])) as Record<ApplicationStatus, number>;
    for (const row of rows) counts[row.status] = row.n;
    return { cohortId, counts, total: rows.reduce((sum, r) => sum + r.n, 0) };
  }
}
