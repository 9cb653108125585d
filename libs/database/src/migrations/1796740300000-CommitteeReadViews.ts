import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 15: the views applications and cohorts publish for the committee (config/tables.json lists
 * each under its owner), so committee's SQL names none of their tables. Plain views: PostgreSQL
 * inlines them, so the ranking board and the review queue cost what the joins on the tables cost.
 */
const VIEWS: Array<[name: string, sql: string]> = [
  // applications: what a reviewer's queries may read — no name, contacts, enterprise name, gender or referees.
  [
    'applications_blind_v',
    `SELECT id, cohort_id, status, region, enterprise ->> 'sector' AS sector, hub_preferences FROM applications`,
  ],
  // applications: an application as staff's committee work reads it (ranking, conflicts, selection, offers).
  [
    'application_review_v',
    `SELECT id, cohort_id, applicant_id, status, personal ->> 'fullName' AS full_name, personal ->> 'gender' AS gender,
            personal ->> 'province' AS province, region, enterprise ->> 'name' AS enterprise_name,
            enterprise ->> 'sector' AS sector, languages, hub_preferences, referees FROM applications`,
  ],
  // cohorts: a cohort's terms for review and selection (its stage, age, and the days an offer stays open).
  ['cohort_selection_v', `SELECT id, name, status, offer_response_days, created_at FROM cohorts`],
];

export class CommitteeReadViews1796740300000 implements MigrationInterface {
  name = 'CommitteeReadViews1796740300000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const [name, sql] of VIEWS) await queryRunner.query(`CREATE VIEW "${name}" AS ${sql}`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const [name] of [...VIEWS].reverse()) await queryRunner.query(`DROP VIEW "${name}"`);
  }
}
