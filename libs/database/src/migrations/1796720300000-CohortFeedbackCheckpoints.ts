import { readProgramData } from '@vgbf/config';
import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Feedback checkpoints become a cohort's own setting. Until now every cohort answered the checkpoints of
 * config/feedback.json, so each existing cohort gets exactly those (the installation's file, as it was in effect).
 */
export class CohortFeedbackCheckpoints1796720300000 implements MigrationInterface {
  name = 'CohortFeedbackCheckpoints1796720300000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "cohorts" ADD "feedback_checkpoints" jsonb`);
    const [{ count }] = (await queryRunner.query(`SELECT count(*)::int AS count FROM "cohorts"`)) as Array<{
      count: number;
    }>;
    if (count > 0) {
      const checkpoints = (readProgramData('feedback.json') as { checkpoints?: unknown }).checkpoints;
      if (!Array.isArray(checkpoints) || checkpoints.length === 0)
        throw new Error('config/feedback.json has no checkpoints to give the existing cohorts');
      await queryRunner.query(`UPDATE "cohorts" SET "feedback_checkpoints" = $1::jsonb`, [JSON.stringify(checkpoints)]);
    }
    await queryRunner.query(`ALTER TABLE "cohorts" ALTER COLUMN "feedback_checkpoints" SET NOT NULL`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "cohorts" DROP COLUMN "feedback_checkpoints"`);
  }
}
