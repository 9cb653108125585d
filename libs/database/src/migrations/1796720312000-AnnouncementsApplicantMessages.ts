import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 13: announcements from staff to a cohort's applicants, fellows or mentors (with who each was
 * addressed to and the email that carries it), and the log of staff messages to an applicant.
 */
export class AnnouncementsApplicantMessages1796720312000 implements MigrationInterface {
  name = 'AnnouncementsApplicantMessages1796720312000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "application_messages" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "application_id" uuid NOT NULL, "template" text NOT NULL, "language" text NOT NULL, "subject" text NOT NULL, "body" text NOT NULL, "sent_by" uuid NOT NULL, "outbox_id" uuid NOT NULL, "idempotency_key" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ef4ec0c30a4af3ac30b8fde86d3" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "application_messages_idempotency_key" ON "application_messages"  ("application_id", "idempotency_key") WHERE idempotency_key IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "application_messages_app_idx" ON "application_messages"  ("application_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "announcements" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "cohort_id" uuid NOT NULL, "audience" text NOT NULL, "template" text NOT NULL, "subject_vi" text NOT NULL, "body_vi" text NOT NULL, "subject_en" text NOT NULL, "body_en" text NOT NULL, "recipient_count" integer NOT NULL, "sent_by" uuid NOT NULL, "idempotency_key" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b3ad760876ff2e19d58e05dc8b0" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "announcements_idempotency_key" ON "announcements"  ("idempotency_key") WHERE idempotency_key IS NOT NULL`,
    );
    await queryRunner.query(`CREATE INDEX "announcements_cohort_idx" ON "announcements"  ("cohort_id", "created_at") `);
    await queryRunner.query(
      `CREATE TABLE "announcement_recipients" ("announcement_id" uuid NOT NULL, "user_id" uuid NOT NULL, "language" text NOT NULL, "outbox_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_a38dcba8c181e3463f183322f8c" PRIMARY KEY ("announcement_id", "user_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "announcement_recipients_user_idx" ON "announcement_recipients"  ("user_id", "created_at") `,
    );
    await queryRunner.query(
      `ALTER TABLE "application_messages" ADD CONSTRAINT "FK_43e440cd32483d05513ab936a5c" FOREIGN KEY ("application_id") REFERENCES "applications"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "application_messages" ADD CONSTRAINT "FK_afcd89c4670698d8aabcd773120" FOREIGN KEY ("sent_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "announcements" ADD CONSTRAINT "FK_a2d4d88569ac21836aa6f6c7a36" FOREIGN KEY ("cohort_id") REFERENCES "cohorts"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "announcements" ADD CONSTRAINT "FK_a1a0b83be19dedfb895b1733448" FOREIGN KEY ("sent_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "announcement_recipients" ADD CONSTRAINT "FK_6c7a363f423b03cebec9ca4fdfa" FOREIGN KEY ("announcement_id") REFERENCES "announcements"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "announcement_recipients" ADD CONSTRAINT "FK_090373e9e59d13b37969b9ceae7" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "announcement_recipients" DROP CONSTRAINT "FK_090373e9e59d13b37969b9ceae7"`);
    await queryRunner.query(`ALTER TABLE "announcement_recipients" DROP CONSTRAINT "FK_6c7a363f423b03cebec9ca4fdfa"`);
    await queryRunner.query(`ALTER TABLE "announcements" DROP CONSTRAINT "FK_a1a0b83be19dedfb895b1733448"`);
    await queryRunner.query(`ALTER TABLE "announcements" DROP CONSTRAINT "FK_a2d4d88569ac21836aa6f6c7a36"`);
    await queryRunner.query(`ALTER TABLE "application_messages" DROP CONSTRAINT "FK_afcd89c4670698d8aabcd773120"`);
    await queryRunner.query(`ALTER TABLE "application_messages" DROP CONSTRAINT "FK_43e440cd32483d05513ab936a5c"`);
    await queryRunner.query(`DROP INDEX "public"."announcement_recipients_user_idx"`);
    await queryRunner.query(`DROP TABLE "announcement_recipients"`);
    await queryRunner.query(`DROP INDEX "public"."announcements_cohort_idx"`);
    await queryRunner.query(`DROP INDEX "public"."announcements_idempotency_key"`);
    await queryRunner.query(`DROP TABLE "announcements"`);
    await queryRunner.query(`DROP INDEX "public"."application_messages_app_idx"`);
    await queryRunner.query(`DROP INDEX "public"."application_messages_idempotency_key"`);
    await queryRunner.query(`DROP TABLE "application_messages"`);
  }
}
