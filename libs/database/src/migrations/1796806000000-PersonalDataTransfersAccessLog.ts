import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 17: the transfer register (personal data made available abroad: a row per source, recorded
 * once) and the access log (who opened a person's full application or downloaded their documents),
 * both owned by libs/privacy. No foreign keys to other modules' tables: privacy imports no domain lib,
 * and a row outlives an erasure of what it points to (it says that the data went, not the data).
 */
export class PersonalDataTransfersAccessLog1796806000000 implements MigrationInterface {
  name = 'PersonalDataTransfersAccessLog1796806000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "personal_data_transfers" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "subject_user_id" uuid NOT NULL, "cohort_id" uuid, "source_kind" text NOT NULL, "source_id" text NOT NULL, "recipient_kind" text NOT NULL, "recipient_name" text NOT NULL, "country" text NOT NULL, "categories" text array NOT NULL, "basis" text NOT NULL, "transferred_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_personal_data_transfers" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "personal_data_transfers_source_key" ON "personal_data_transfers" ("source_kind", "source_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "personal_data_transfers_subject_idx" ON "personal_data_transfers" ("subject_user_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "personal_data_transfers_cohort_idx" ON "personal_data_transfers" ("cohort_id", "transferred_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "personal_data_access_log" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "actor_user_id" uuid NOT NULL, "subject_user_id" uuid NOT NULL, "resource" text NOT NULL, "resource_id" text NOT NULL, "accessed_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_personal_data_access_log" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "personal_data_access_log_subject_idx" ON "personal_data_access_log" ("subject_user_id", "accessed_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "personal_data_access_log_actor_idx" ON "personal_data_access_log" ("actor_user_id", "accessed_at") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "personal_data_access_log"`);
    await queryRunner.query(`DROP TABLE "personal_data_transfers"`);
  }
}
