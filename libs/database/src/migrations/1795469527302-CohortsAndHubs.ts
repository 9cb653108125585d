import { MigrationInterface, QueryRunner } from 'typeorm';

export class CohortsAndHubs1795469527302 implements MigrationInterface {
  name = 'CohortsAndHubs1795469527302';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "cohorts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "year" integer NOT NULL, "target_size" integer NOT NULL, "track_months" integer NOT NULL, "application_opens_at" TIMESTAMP WITH TIME ZONE NOT NULL, "application_closes_at" TIMESTAMP WITH TIME ZONE NOT NULL, "offer_response_days" integer NOT NULL, "programme_start_date" date NOT NULL, "status" text NOT NULL DEFAULT 'draft', "eligibility_rules" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_fd38f76b135e907b834fda1e752" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "cohorts_name_key" ON "cohorts"  ("name") `);
    await queryRunner.query(
      `CREATE TABLE "hubs" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "cohort_id" uuid NOT NULL, "code" text NOT NULL, "name" text NOT NULL, "city" text NOT NULL, "capacity" integer NOT NULL, "partner_organisations" text array NOT NULL DEFAULT '{}', "language_requirements" jsonb NOT NULL DEFAULT '[]', CONSTRAINT "PK_44b53d1f2b4568b26ce4710b843" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "hubs_cohort_code_key" ON "hubs"  ("cohort_id", "code") `);
    await queryRunner.query(
      `ALTER TABLE "hubs" ADD CONSTRAINT "FK_547db73ae240f022d6bce5a5024" FOREIGN KEY ("cohort_id") REFERENCES "cohorts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "hubs" DROP CONSTRAINT "FK_547db73ae240f022d6bce5a5024"`);
    await queryRunner.query(`DROP INDEX "public"."hubs_cohort_code_key"`);
    await queryRunner.query(`DROP TABLE "hubs"`);
    await queryRunner.query(`DROP INDEX "public"."cohorts_name_key"`);
    await queryRunner.query(`DROP TABLE "cohorts"`);
  }
}
