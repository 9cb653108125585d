import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 15: read views that a module publishes for the others (config/tables.json lists each view
 * with its owner). Another module's SQL reads these, never the owner's tables, so the owner may
 * change its tables behind an unchanged view. Plain views: PostgreSQL inlines them into the query
 * that reads them, so a join through a view costs what the join on the table cost.
 */
const VIEWS: Array<[name: string, sql: string]> = [
  // identity: how to address a person (no credentials).
  ['user_contacts_v', `SELECT id, email, full_name, language, roles, email_verified_at, deactivated_at FROM users`],
  // cohorts: a cohort's name and stage, for lists and headers of other modules.
  ['cohort_headers_v', `SELECT id, name, year, status, application_opens_at, application_closes_at FROM cohorts`],
  // applications: the applicants of a cohort (applications not withdrawn).
  [
    'cohort_applicants_v',
    `SELECT id AS application_id, cohort_id, applicant_id FROM applications WHERE status <> 'withdrawn'`,
  ],
  // fellows: the fellows of a cohort who are in the programme now.
  ['active_fellows_v', `SELECT id, cohort_id, user_id, full_name, hub_id FROM fellows WHERE status = 'active'`],
  // mentoring: the pairs in force (one active pairing per fellow, by index) — the one place 'active' is spelled.
  ['active_pairings_v', `SELECT id, cohort_id, fellow_id, mentor_id, created_at FROM pairings WHERE status = 'active'`],
];

export class OwnedReadViews1796730000000 implements MigrationInterface {
  name = 'OwnedReadViews1796730000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const [name, sql] of VIEWS) await queryRunner.query(`CREATE VIEW "${name}" AS ${sql}`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const [name] of [...VIEWS].reverse()) await queryRunner.query(`DROP VIEW "${name}"`);
  }
}
