import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AppConfig } from '@vgbf/config';
import { Scheduled, type ScheduledRun } from '@vgbf/scheduler';
import type { DataSource } from 'typeorm';

/** How long dead sign-in rows are kept (for support questions) before they are purged. */
export const PURGE_AFTER_DAYS = 30;

/** TypeORM returns [rows, affected] for DELETE on PostgreSQL. */
const affected = (result: unknown): number => (Array.isArray(result) && typeof result[1] === 'number' ? result[1] : 0);

/**
 * Housekeeping of infrastructure tables, run by the worker. Plain SQL: these are whole-table
 * sweeps with no domain rules, and deleting twice deletes nothing more.
 */
@Injectable()
export class MaintenanceJobs {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  @Scheduled({ name: 'maintenance.purge-auth', cron: (config: AppConfig) => config.MAINTENANCE_CRON })
  async purgeAuth({ period }: ScheduledRun): Promise<{ sessions: number; userTokens: number }> {
    // Relative to the period, not the clock: a late retry purges what the on-time run would have.
    const [sessions, userTokens] = await this.db.transaction(async (manager) => [
      affected(
        await manager.query(
          `DELETE FROM sessions
            WHERE revoked_at < $1::timestamptz - make_interval(days => $2)
               OR expires_at < $1::timestamptz - make_interval(days => $2)`,
          [period, PURGE_AFTER_DAYS],
        ),
      ),
      affected(
        await manager.query(
          `DELETE FROM user_tokens
            WHERE used_at < $1::timestamptz - make_interval(days => $2)
               OR expires_at < $1::timestamptz - make_interval(days => $2)`,
          [period, PURGE_AFTER_DAYS],
        ),
      ),
    ]);
    return { sessions, userTokens };
  }
}
