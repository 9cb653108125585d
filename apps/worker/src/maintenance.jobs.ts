import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AppConfig } from '@vgbf/config';
import { purgeDeadAuth } from '@vgbf/identity';
import { Scheduled, type ScheduledRun } from '@vgbf/scheduler';
import type { DataSource } from 'typeorm';

/** How long dead sign-in rows are kept (for support questions) before they are purged. */
export const PURGE_AFTER_DAYS = 30;

/**
 * Housekeeping run by the worker: whole-table sweeps with no domain rules, through the owning
 * module's statements (identity's sessions and tokens); deleting twice deletes nothing more.
 */
@Injectable()
export class MaintenanceJobs {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  @Scheduled({ name: 'maintenance.purge-auth', cron: (config: AppConfig) => config.MAINTENANCE_CRON })
  async purgeAuth({ period }: ScheduledRun): Promise<{ sessions: number; userTokens: number }> {
    // Relative to the period, not the clock: a late retry purges what the on-time run would have.
    return this.db.transaction((manager) => purgeDeadAuth(manager, period, PURGE_AFTER_DAYS));
  }
}
