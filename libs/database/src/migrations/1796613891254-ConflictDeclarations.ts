import { MigrationInterface, QueryRunner } from 'typeorm';

export class ConflictDeclarations1796613891254 implements MigrationInterface {
  name = 'ConflictDeclarations1796613891254';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "conflict_declarations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "reviewer_id" uuid NOT NULL, "cohort_id" uuid NOT NULL, "names" jsonb NOT NULL, "emails" jsonb NOT NULL, "reason" text NOT NULL, "matched" integer NOT NULL DEFAULT '0', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_54773c4de5f8dd35925794876a6" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "conflict_declarations_reviewer_idx" ON "conflict_declarations"  ("reviewer_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "conflict_declarations" ADD CONSTRAINT "FK_8fe2a99550a26a9d44fbd9b80a9" FOREIGN KEY ("reviewer_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "conflict_declarations" ADD CONSTRAINT "FK_934983ee2cec55e14b0784a8e39" FOREIGN KEY ("cohort_id") REFERENCES "cohorts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "conflict_declarations" DROP CONSTRAINT "FK_934983ee2cec55e14b0784a8e39"`);
    await queryRunner.query(`ALTER TABLE "conflict_declarations" DROP CONSTRAINT "FK_8fe2a99550a26a9d44fbd9b80a9"`);
    await queryRunner.query(`DROP INDEX "public"."conflict_declarations_reviewer_idx"`);
    await queryRunner.query(`DROP TABLE "conflict_declarations"`);
  }
}
