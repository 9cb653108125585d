import { MigrationInterface, QueryRunner } from 'typeorm';

export class ReviewWeightedScore1795477700532 implements MigrationInterface {
  name = 'ReviewWeightedScore1795477700532';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // Reviews written before the column existed get theirs from the scores and their cohort's rubric.
    await queryRunner.query(`ALTER TABLE "reviews" ADD "weighted_score" double precision`);
    await queryRunner.query(`
      UPDATE reviews r SET weighted_score = (
        SELECT sum((c->>'weight')::float8 * (r.scores->>(c->>'code'))::float8) / sum((c->>'weight')::float8)
          FROM review_assignments a
          JOIN review_rounds rr ON rr.cohort_id = a.cohort_id, jsonb_array_elements(rr.rubric->'criteria') c
         WHERE a.id = r.assignment_id)`);
    await queryRunner.query(`ALTER TABLE "reviews" ALTER COLUMN "weighted_score" SET NOT NULL`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "reviews" DROP COLUMN "weighted_score"`);
  }
}
