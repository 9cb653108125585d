import { MigrationInterface, QueryRunner } from 'typeorm';

export class ScheduledJobRuns1795467992837 implements MigrationInterface {
  name = 'ScheduledJobRuns1795467992837';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "scheduled_job_runs" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "job_name" text NOT NULL, "period" TIMESTAMP WITH TIME ZONE NOT NULL, "outcome" text NOT NULL DEFAULT 'running', "attempts" integer NOT NULL DEFAULT '1', "started_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "finished_at" TIMESTAMP WITH TIME ZONE, "result" jsonb, "error" text, CONSTRAINT "PK_259c46aa735509a3c94ecfd962f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "scheduled_job_runs_job_period_key" ON "scheduled_job_runs"  ("job_name", "period") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."scheduled_job_runs_job_period_key"`);
    await queryRunner.query(`DROP TABLE "scheduled_job_runs"`);
  }
}
