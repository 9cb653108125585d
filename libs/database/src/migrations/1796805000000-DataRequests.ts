import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 17: people's requests about their personal data (access, correction, deletion, withdrawal,
 * restriction, objection), with their legal deadlines as Vietnam days (libs/privacy/src/requests).
 */
export class DataRequests1796805000000 implements MigrationInterface {
  name = 'DataRequests1796805000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "data_requests" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "subject_user_id" uuid NOT NULL, "kind" text NOT NULL, "channel" text NOT NULL, "details" text NOT NULL, "processor_must_act" boolean NOT NULL DEFAULT false, "state" text NOT NULL DEFAULT 'received', "filed_by" uuid NOT NULL, "received_at" TIMESTAMP WITH TIME ZONE NOT NULL, "received_on" date NOT NULL, "acknowledge_by" date NOT NULL, "due_on" date NOT NULL, "acknowledged_at" TIMESTAMP WITH TIME ZONE, "acknowledged_by" uuid, "extension_days" integer, "extension_reason" text, "extended_at" TIMESTAMP WITH TIME ZONE, "extended_by" uuid, "closed_at" TIMESTAMP WITH TIME ZONE, "closed_by" uuid, "answer" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "data_requests_state_check" CHECK ("state" IN ('received', 'acknowledged', 'in_progress', 'completed', 'refused')), CONSTRAINT "data_requests_channel_check" CHECK ("channel" IN ('account', 'email', 'letter', 'in_person')), CONSTRAINT "data_requests_kind_check" CHECK ("kind" IN ('access', 'correction', 'deletion', 'withdrawal', 'restriction', 'objection')), CONSTRAINT "PK_43e3a8617ed406edce308696264" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "data_requests_open_idx" ON "data_requests"  ("state", "due_on") `);
    await queryRunner.query(
      `CREATE INDEX "data_requests_subject_idx" ON "data_requests"  ("subject_user_id", "received_at") `,
    );
    await queryRunner.query(
      `ALTER TABLE "data_requests" ADD CONSTRAINT "FK_b0450ee0d00aa9bd557ff6b9dce" FOREIGN KEY ("subject_user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "data_requests" ADD CONSTRAINT "FK_e5bc82b76e599ec776f1061d9bc" FOREIGN KEY ("filed_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "data_requests" DROP CONSTRAINT "FK_e5bc82b76e599ec776f1061d9bc"`);
    await queryRunner.query(`ALTER TABLE "data_requests" DROP CONSTRAINT "FK_b0450ee0d00aa9bd557ff6b9dce"`);
    await queryRunner.query(`DROP INDEX "public"."data_requests_subject_idx"`);
    await queryRunner.query(`DROP INDEX "public"."data_requests_open_idx"`);
    await queryRunner.query(`DROP TABLE "data_requests"`);
  }
}
