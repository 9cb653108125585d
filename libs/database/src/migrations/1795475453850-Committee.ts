import { MigrationInterface, QueryRunner } from 'typeorm';

export class Committee1795475453850 implements MigrationInterface {
  name = 'Committee1795475453850';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "review_assignments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "cohort_id" uuid NOT NULL, "application_id" uuid NOT NULL, "reviewer_id" uuid NOT NULL, "source" text NOT NULL, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_57627790f79af37bc6a5e982176" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "review_assignments_cohort_idx" ON "review_assignments"  ("cohort_id") `);
    await queryRunner.query(`CREATE INDEX "review_assignments_reviewer_idx" ON "review_assignments"  ("reviewer_id") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "review_assignments_pair_key" ON "review_assignments"  ("application_id", "reviewer_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "reviews" ("assignment_id" uuid NOT NULL, "scores" jsonb NOT NULL, "comment" text NOT NULL, "recommendation" text NOT NULL, "submitted_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_d27a79b26ffcfbf4fc314bf7675" PRIMARY KEY ("assignment_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "reviewer_conflicts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "application_id" uuid NOT NULL, "reviewer_id" uuid NOT NULL, "source" text NOT NULL, "status" text NOT NULL, "reason" text NOT NULL, "decided_by" uuid, "decided_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_eabac4cf78bc993b34b48941842" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "reviewer_conflicts_reviewer_idx" ON "reviewer_conflicts"  ("reviewer_id") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "reviewer_conflicts_pair_key" ON "reviewer_conflicts"  ("application_id", "reviewer_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "review_rounds" ("cohort_id" uuid NOT NULL, "rubric" jsonb NOT NULL, "reviewers_per_application" integer NOT NULL DEFAULT '3', "review_deadline" TIMESTAMP WITH TIME ZONE, "disagreement_gap" numeric(3,2) NOT NULL DEFAULT '1', "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b1a4a0943039c983a6f84e31f81" PRIMARY KEY ("cohort_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "interviews" ("application_id" uuid NOT NULL, "scores" jsonb NOT NULL, "recorded_by" uuid NOT NULL, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_77f7078daea9f2b36e9ff761bd1" PRIMARY KEY ("application_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "reviewer_profiles" ("user_id" uuid NOT NULL, "sectors" text array NOT NULL DEFAULT '{}', "organisation" text, "max_load" integer, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_d5d2c0054dff06c16b208188c56" PRIMARY KEY ("user_id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "review_assignments" ADD CONSTRAINT "FK_681101d574dd3ddf7d644ed3a12" FOREIGN KEY ("application_id") REFERENCES "applications"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "review_assignments" ADD CONSTRAINT "FK_ba32727b847200cf824fcb68dc1" FOREIGN KEY ("reviewer_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "reviews" ADD CONSTRAINT "FK_d27a79b26ffcfbf4fc314bf7675" FOREIGN KEY ("assignment_id") REFERENCES "review_assignments"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "reviewer_conflicts" ADD CONSTRAINT "FK_7ad7950588794dec73312d7573a" FOREIGN KEY ("application_id") REFERENCES "applications"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "reviewer_conflicts" ADD CONSTRAINT "FK_84be67b123d04e0d00791c1ba4e" FOREIGN KEY ("reviewer_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "review_rounds" ADD CONSTRAINT "FK_b1a4a0943039c983a6f84e31f81" FOREIGN KEY ("cohort_id") REFERENCES "cohorts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "interviews" ADD CONSTRAINT "FK_77f7078daea9f2b36e9ff761bd1" FOREIGN KEY ("application_id") REFERENCES "applications"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "reviewer_profiles" ADD CONSTRAINT "FK_d5d2c0054dff06c16b208188c56" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "reviewer_profiles" DROP CONSTRAINT "FK_d5d2c0054dff06c16b208188c56"`);
    await queryRunner.query(`ALTER TABLE "interviews" DROP CONSTRAINT "FK_77f7078daea9f2b36e9ff761bd1"`);
    await queryRunner.query(`ALTER TABLE "review_rounds" DROP CONSTRAINT "FK_b1a4a0943039c983a6f84e31f81"`);
    await queryRunner.query(`ALTER TABLE "reviewer_conflicts" DROP CONSTRAINT "FK_84be67b123d04e0d00791c1ba4e"`);
    await queryRunner.query(`ALTER TABLE "reviewer_conflicts" DROP CONSTRAINT "FK_7ad7950588794dec73312d7573a"`);
    await queryRunner.query(`ALTER TABLE "reviews" DROP CONSTRAINT "FK_d27a79b26ffcfbf4fc314bf7675"`);
    await queryRunner.query(`ALTER TABLE "review_assignments" DROP CONSTRAINT "FK_ba32727b847200cf824fcb68dc1"`);
    await queryRunner.query(`ALTER TABLE "review_assignments" DROP CONSTRAINT "FK_681101d574dd3ddf7d644ed3a12"`);
    await queryRunner.query(`DROP TABLE "reviewer_profiles"`);
    await queryRunner.query(`DROP TABLE "interviews"`);
    await queryRunner.query(`DROP TABLE "review_rounds"`);
    await queryRunner.query(`DROP INDEX "public"."reviewer_conflicts_pair_key"`);
    await queryRunner.query(`DROP INDEX "public"."reviewer_conflicts_reviewer_idx"`);
    await queryRunner.query(`DROP TABLE "reviewer_conflicts"`);
    await queryRunner.query(`DROP TABLE "reviews"`);
    await queryRunner.query(`DROP INDEX "public"."review_assignments_pair_key"`);
    await queryRunner.query(`DROP INDEX "public"."review_assignments_reviewer_idx"`);
    await queryRunner.query(`DROP INDEX "public"."review_assignments_cohort_idx"`);
    await queryRunner.query(`DROP TABLE "review_assignments"`);
  }
}
