import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 16: a cohort's dashboard, progress, at-risk list and reports read only its own fellows'
 * milestones and sessions. They reach them through the cohort's fellows and pairings (indexed by
 * cohort); these covering indexes make each fellow's or pair's rows an index-only lookup, so the
 * planner no longer prefers reading the whole table once other cohorts have grown:
 *   - a fellow's milestone counts (state, due date, approval) and the dashboard's weekly series;
 *   - a fellow's milestones still owed (the overdue reasons), a small partial index;
 *   - a pair's sessions (held, confirmed, duration, rating) for the progress and the monthly series.
 * Declared on the entities with `synchronize: false` (INCLUDE and WHERE are beyond TypeORM's index model).
 */
export class CohortReadIndexes1796750700000 implements MigrationInterface {
  name = 'CohortReadIndexes1796750700000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "milestones_fellow_progress_idx" ON "milestones" ("fellow_id") INCLUDE ("state", "due_on", "approved_at")`,
    );
    await queryRunner.query(
      `CREATE INDEX "milestones_fellow_owed_idx" ON "milestones" ("fellow_id", "due_on")
        WHERE "state" IN ('open', 'changes_requested')`,
    );
    await queryRunner.query(
      `CREATE INDEX "mentoring_sessions_pairing_stats_idx" ON "mentoring_sessions" ("pairing_id")
        INCLUDE ("id", "held_at", "confirmed_at", "duration_minutes", "rating")`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."mentoring_sessions_pairing_stats_idx"`);
    await queryRunner.query(`DROP INDEX "public"."milestones_fellow_owed_idx"`);
    await queryRunner.query(`DROP INDEX "public"."milestones_fellow_progress_idx"`);
  }
}
