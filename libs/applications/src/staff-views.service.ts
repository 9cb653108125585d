import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type Page, toPage } from '@vgbf/core';
import type { DataSource } from 'typeorm';
import { STAFF_ORDER, applicationFilters } from './application-filters';
import type { ApplicationListItem, ApplicationListQuery, PipelineView } from './dto/staff-query.dto';
import { APPLICATION_STATUSES, type ApplicationStatus } from './entities/application.entity';

interface ListRow {
  id: string;
  status: ApplicationStatus;
  full_name: string | null;
  enterprise_name: string | null;
  sector: string | null;
  region: ApplicationListItem['region'];
  hub_preferences: string[];
  submitted_at: Date | null;
  total: string;
}

/** Staff views of a cohort's applications, computed in SQL. */
@Injectable()
export class StaffViewsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async list(query: ApplicationListQuery): Promise<Page<ApplicationListItem>> {
    const { where, params } = applicationFilters(query);
    const rows = await this.db.query<ListRow[]>(
      `SELECT a.id, a.status, a.personal->>'fullName' AS full_name, a.enterprise->>'name' AS enterprise_name,
              a.enterprise->>'sector' AS sector, a.region, a.hub_preferences, a.submitted_at,
              count(*) OVER () AS total
         FROM applications a
        WHERE ${where}
        ORDER BY ${STAFF_ORDER}
        LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, query.pageSize, query.offset],
    );
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
    const total =
      rows[0]?.total ??
      (query.offset > 0
        ? (
            await this.db.query<Array<{ total: string }>>(
              `SELECT count(*) AS total FROM applications a WHERE ${where}`,
              params,
            )
          )[0]?.total
        : 0);
    return toPage(items, Number(total ?? 0), query);
  }

  /** How many applications are in each status, for one cohort. */
  async pipeline(cohortId: string): Promise<PipelineView> {
    const rows = await this.db.query<Array<{ status: ApplicationStatus; n: number }>>(
      `SELECT status, count(*)::int AS n FROM applications WHERE cohort_id = $1 GROUP BY status`,
      [cohortId],
    );
    const counts = Object.fromEntries(APPLICATION_STATUSES.map((s) => [s, 0])) as Record<ApplicationStatus, number>;
    for (const row of rows) counts[row.status] = row.n;
    return { cohortId, counts, total: rows.reduce((sum, r) => sum + r.n, 0) };
  }
}
