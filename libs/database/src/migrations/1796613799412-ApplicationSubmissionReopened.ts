import { MigrationInterface, QueryRunner } from 'typeorm';

export class ApplicationSubmissionReopened1796613799412 implements MigrationInterface {
  name = 'ApplicationSubmissionReopened1796613799412';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "applications" ADD "submission_reopened_until" TIMESTAMP WITH TIME ZONE`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "applications" DROP COLUMN "submission_reopened_until"`);
  }
}
