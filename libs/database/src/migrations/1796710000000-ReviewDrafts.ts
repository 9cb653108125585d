import { MigrationInterface, QueryRunner } from 'typeorm';

/** A reviewer saves partial scores as a draft; only finished reviews (in `reviews`) count anywhere. */
export class ReviewDrafts1796710000000 implements MigrationInterface {
  name = 'ReviewDrafts1796710000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "review_drafts" ("assignment_id" uuid NOT NULL, "scores" jsonb NOT NULL, "comment" text, "recommendation" text, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_591dee00b5335fb0c900437c4a4" PRIMARY KEY ("assignment_id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "review_drafts" ADD CONSTRAINT "FK_591dee00b5335fb0c900437c4a4" FOREIGN KEY ("assignment_id") REFERENCES "review_assignments"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "review_drafts"`);
  }
}
