import { MigrationInterface, QueryRunner } from 'typeorm';

/** An admin deactivates an account (it cannot sign in) and may reactivate it. */
export class UserDeactivation1796700000000 implements MigrationInterface {
  name = 'UserDeactivation1796700000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" ADD "deactivated_at" TIMESTAMP WITH TIME ZONE`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "deactivated_at"`);
  }
}
