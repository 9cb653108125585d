import { MigrationInterface, QueryRunner } from 'typeorm';

export class HubVietnameseName1796617252524 implements MigrationInterface {
  name = 'HubVietnameseName1796617252524';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "hubs" ADD "name_vi" text`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "hubs" DROP COLUMN "name_vi"`);
  }
}
