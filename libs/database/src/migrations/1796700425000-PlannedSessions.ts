import { MigrationInterface, QueryRunner } from 'typeorm';

export class PlannedSessions1796700425000 implements MigrationInterface {
  name = 'PlannedSessions1796700425000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "planned_sessions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "pairing_id" uuid NOT NULL, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "duration_minutes" integer NOT NULL, "mode" text NOT NULL, "topics" text array NOT NULL DEFAULT '{}', "agenda" text NOT NULL DEFAULT '', "status" text NOT NULL DEFAULT 'planned', "scheduled_by" uuid NOT NULL, "session_id" uuid, "cancelled_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_dbb611de1df149e81a4ac067c48" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "planned_sessions_session_key" ON "planned_sessions"  ("session_id") WHERE session_id IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "planned_sessions_pairing_idx" ON "planned_sessions"  ("pairing_id", "starts_at") `,
    );
    await queryRunner.query(
      `ALTER TABLE "planned_sessions" ADD CONSTRAINT "FK_6ef3207e524348331525177c22e" FOREIGN KEY ("pairing_id") REFERENCES "pairings"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "planned_sessions" ADD CONSTRAINT "FK_e0dccce226205f97f5be3874522" FOREIGN KEY ("scheduled_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "planned_sessions" ADD CONSTRAINT "FK_d74dcea9ac147181aee7cdf6ada" FOREIGN KEY ("session_id") REFERENCES "mentoring_sessions"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "planned_sessions" DROP CONSTRAINT "FK_d74dcea9ac147181aee7cdf6ada"`);
    await queryRunner.query(`ALTER TABLE "planned_sessions" DROP CONSTRAINT "FK_e0dccce226205f97f5be3874522"`);
    await queryRunner.query(`ALTER TABLE "planned_sessions" DROP CONSTRAINT "FK_6ef3207e524348331525177c22e"`);
    await queryRunner.query(`DROP INDEX "public"."planned_sessions_pairing_idx"`);
    await queryRunner.query(`DROP INDEX "public"."planned_sessions_session_key"`);
    await queryRunner.query(`DROP TABLE "planned_sessions"`);
  }
}
