import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 15, step 1 for mentoring, placement, fellows and notifications: what they still read from
 * identity's and cohorts' tables comes through views of the owners (config/tables.json).
 * - hubs_v (cohorts) gains name_vi and time_zone, which a fellow's view shows with its hub
 *   (CREATE OR REPLACE VIEW may only append columns, so they come last).
 * - user_accounts_v (identity): whether a person has set a password (accepted their invitation),
 *   as a boolean — never the hash itself.
 */
export class OwnerReadViewsMentoring1796731600000 implements MigrationInterface {
  name = 'OwnerReadViewsMentoring1796731600000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE OR REPLACE VIEW "hubs_v" AS SELECT id, cohort_id, code, name, city, name_vi, time_zone FROM hubs`,
    );
    await queryRunner.query(
      `CREATE VIEW "user_accounts_v" AS SELECT id, (password_hash IS NOT NULL) AS has_password FROM users`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP VIEW "user_accounts_v"`);
    // Dropping columns from a view needs DROP + CREATE; nothing depends on hubs_v but readers.
    await queryRunner.query(`DROP VIEW "hubs_v"`);
    await queryRunner.query(`CREATE VIEW "hubs_v" AS SELECT id, cohort_id, code, name, city FROM hubs`);
  }
}
