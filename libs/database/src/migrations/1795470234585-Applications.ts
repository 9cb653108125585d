import { MigrationInterface, QueryRunner } from 'typeorm';

export class Applications1795470234585 implements MigrationInterface {
  name = 'Applications1795470234585';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "applications" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "cohort_id" uuid NOT NULL, "applicant_id" uuid NOT NULL, "status" text NOT NULL DEFAULT 'draft', "personal" jsonb NOT NULL DEFAULT '{}', "region" text, "enterprise" jsonb NOT NULL DEFAULT '{}', "languages" jsonb NOT NULL DEFAULT '{}', "hub_preferences" text array NOT NULL DEFAULT '{}', "essays" jsonb NOT NULL DEFAULT '{}', "referees" jsonb NOT NULL DEFAULT '[]', "submitted_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_938c0a27255637bde919591888f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "applications_applicant_idx" ON "applications"  ("applicant_id") `);
    await queryRunner.query(
      `CREATE INDEX "applications_cohort_status_idx" ON "applications"  ("cohort_id", "status") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "applications_cohort_applicant_key" ON "applications"  ("cohort_id", "applicant_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "applications" ADD CONSTRAINT "FK_6d2e6e49bde6c4d92de22f47aa7" FOREIGN KEY ("cohort_id") REFERENCES "cohorts"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "applications" ADD CONSTRAINT "FK_194d0fca275b8661a56e486cb64" FOREIGN KEY ("applicant_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "applications" DROP CONSTRAINT "FK_194d0fca275b8661a56e486cb64"`);
    await queryRunner.query(`ALTER TABLE "applications" DROP CONSTRAINT "FK_6d2e6e49bde6c4d92de22f47aa7"`);
    await queryRunner.query(`DROP INDEX "public"."applications_cohort_applicant_key"`);
    await queryRunner.query(`DROP INDEX "public"."applications_cohort_status_idx"`);
    await queryRunner.query(`DROP INDEX "public"."applications_applicant_idx"`);
    await queryRunner.query(`DROP TABLE "applications"`);
  }
}
