import { MigrationInterface, QueryRunner } from 'typeorm';

export class ApplicationDocuments1795473892252 implements MigrationInterface {
  name = 'ApplicationDocuments1795473892252';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "application_documents" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "application_id" uuid NOT NULL, "kind" text NOT NULL, "filename" text NOT NULL, "size_bytes" integer NOT NULL, "sha256" text NOT NULL, "storage_key" text NOT NULL, "uploaded_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_592142aa992e003beadf1409e9e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "application_documents_storage_key_key" ON "application_documents"  ("storage_key") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "application_documents_single_kind_key" ON "application_documents"  ("application_id", "kind") WHERE "kind" IN ('cv', 'business_registration')`,
    );
    await queryRunner.query(
      `CREATE INDEX "application_documents_app_idx" ON "application_documents"  ("application_id", "created_at") `,
    );
    await queryRunner.query(
      `ALTER TABLE "application_documents" ADD CONSTRAINT "FK_9ad8ab815e842d67e9aaec900cb" FOREIGN KEY ("application_id") REFERENCES "applications"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "application_documents" ADD CONSTRAINT "FK_d4f477434842a2e65ba8a659d0d" FOREIGN KEY ("uploaded_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "application_documents" DROP CONSTRAINT "FK_d4f477434842a2e65ba8a659d0d"`);
    await queryRunner.query(`ALTER TABLE "application_documents" DROP CONSTRAINT "FK_9ad8ab815e842d67e9aaec900cb"`);
    await queryRunner.query(`DROP INDEX "public"."application_documents_app_idx"`);
    await queryRunner.query(`DROP INDEX "public"."application_documents_single_kind_key"`);
    await queryRunner.query(`DROP INDEX "public"."application_documents_storage_key_key"`);
    await queryRunner.query(`DROP TABLE "application_documents"`);
  }
}
