import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 16: a cohort's ranking reads only its own reviews. Reached through the cohort's assignments,
 * PostgreSQL hashed the whole reviews table as soon as a cohort had a few hundred reviews (an index probe per
 * assignment costs more in its model than one scan), so every cohort's board grew with the others. Each
 * review now carries its assignment's cohort, copied by a trigger on insert (an assignment never changes
 * cohort), and an index on it holds what the ranking reads: the cohort's reviews are one index range.
 */
export class CohortScopedCommitteeReads1796750100000 implements MigrationInterface {
  name = 'CohortScopedCommitteeReads1796750100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "reviews" ADD "cohort_id" uuid`);
    await queryRunner.query(
      `UPDATE "reviews" r SET "cohort_id" = a."cohort_id" FROM "review_assignments" a WHERE a."id" = r."assignment_id"`,
    );
    await queryRunner.query(`ALTER TABLE "reviews" ALTER COLUMN "cohort_id" SET NOT NULL`);
    await queryRunner.query(`CREATE FUNCTION reviews_cohort_of_assignment() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        SELECT cohort_id INTO NEW.cohort_id FROM review_assignments WHERE id = NEW.assignment_id;
        RETURN NEW;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER reviews_cohort BEFORE INSERT OR UPDATE OF assignment_id, cohort_id ON "reviews"
            FOR EACH ROW EXECUTE FUNCTION reviews_cohort_of_assignment()`);
    await queryRunner.query(
      `CREATE INDEX "reviews_cohort_idx" ON "reviews" ("cohort_id") INCLUDE ("assignment_id", "weighted_score")`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "reviews_cohort_idx"`);
    await queryRunner.query(`DROP TRIGGER reviews_cohort ON "reviews"`);
    await queryRunner.query(`DROP FUNCTION reviews_cohort_of_assignment()`);
    await queryRunner.query(`ALTER TABLE "reviews" DROP COLUMN "cohort_id"`);
  }
}
