import { MigrationInterface, QueryRunner } from 'typeorm';

/** Staff-only internal notes (with author and time), tags and eligibility overrides on an application. */
export class ApplicationNotesTags1796700100000 implements MigrationInterface {
  name = 'ApplicationNotesTags1796700100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "application_notes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "application_id" uuid NOT NULL, "author_id" uuid NOT NULL, "body" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_db708de5fa99541ad52a1f907de" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "application_notes_app_idx" ON "application_notes"  ("application_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "application_tags" ("application_id" uuid NOT NULL, "tag" text NOT NULL, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_863d18bf65859b817bab573d5c9" PRIMARY KEY ("application_id", "tag"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "application_eligibility_overrides" ("application_id" uuid NOT NULL, "reason" text NOT NULL, "overridden_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_application_eligibility_overrides" PRIMARY KEY ("application_id"))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "application_eligibility_overrides"`);
    await queryRunner.query(`DROP TABLE "application_tags"`);
    await queryRunner.query(`DROP INDEX "public"."application_notes_app_idx"`);
    await queryRunner.query(`DROP TABLE "application_notes"`);
  }
}
