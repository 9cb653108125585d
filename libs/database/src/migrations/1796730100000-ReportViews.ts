import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 15: the read models reports (cockpit, dashboard, progress, weekly report, report files) read,
 * each defined by the module that owns the tables behind it (config/tables.json lists each view under
 * its owner). Plain views, inlined by PostgreSQL into the reports' queries: the plans are those of the
 * joins on the tables.
 */
const VIEWS: Array<[name: string, sql: string]> = [
  // cohorts
  [
    'cohort_programme_v',
    `SELECT id, name, year, status, application_opens_at, application_closes_at, programme_start_date, track_months,
            feedback_checkpoints FROM cohorts`,
  ],
  ['hubs_v', `SELECT id, cohort_id, code, name, city FROM hubs`],
  // applications: an application as lists and reports show it.
  [
    'application_summaries_v',
    `SELECT id, cohort_id, status, personal ->> 'fullName' AS full_name, region, enterprise ->> 'sector' AS sector,
            submitted_at FROM applications`,
  ],
  // committee
  ['review_rounds_v', `SELECT cohort_id, review_deadline FROM review_rounds`],
  // assignments still owed a review (applications withdrawn or ruled ineligible left out), with the round's deadline
  [
    'open_review_assignments_v',
    `SELECT a.id, a.cohort_id, a.reviewer_id, r.review_deadline
       FROM review_assignments a
       JOIN review_rounds r ON r.cohort_id = a.cohort_id
       JOIN applications ap ON ap.id = a.application_id
      WHERE ap.status NOT IN ('withdrawn', 'ineligible')
        AND NOT EXISTS (SELECT 1 FROM reviews rv WHERE rv.assignment_id = a.id)`,
  ],
  [
    'pending_reviewer_conflicts_v',
    `SELECT rc.id, ap.cohort_id FROM reviewer_conflicts rc JOIN applications ap ON ap.id = rc.application_id
      WHERE rc.status = 'pending'`,
  ],
  ['offers_v', `SELECT id, cohort_id, application_id, status, expires_at FROM offers`],
  // fellows
  [
    'fellows_v',
    `SELECT id, cohort_id, user_id, application_id, full_name, status, hub_id, region, sector, gender, enterprise_name,
            start_date, end_date FROM fellows`,
  ],
  // mentoring
  ['pairings_v', `SELECT id, cohort_id, fellow_id, mentor_id, status, created_at FROM pairings`],
  [
    'mentoring_sessions_v',
    `SELECT id, pairing_id, held_at, duration_minutes, mode, topics, other_topic, confirmed_at, rating
       FROM mentoring_sessions`,
  ],
  ['feedback_answers_v', `SELECT id, pairing_id, author_role, checkpoint, answers, created_at FROM feedback_answers`],
  // milestones
  ['milestones_v', `SELECT id, fellow_id, code, title, position, state, reviewer, due_on, approved_at FROM milestones`],
  // submitted evidence whose latest version waits for the staff side's review (the staff review queue)
  [
    'evidence_awaiting_staff_v',
    `SELECT m.id AS milestone_id, m.fellow_id
       FROM milestones m
       JOIN LATERAL (SELECT id FROM milestone_submissions WHERE milestone_id = m.id ORDER BY version DESC LIMIT 1) s ON true
      WHERE m.state = 'submitted' AND m.reviewer IN ('staff', 'both')
        AND NOT EXISTS (SELECT 1 FROM milestone_reviews r WHERE r.submission_id = s.id AND r.reviewer_role = 'staff')`,
  ],
];

export class ReportViews1796730100000 implements MigrationInterface {
  name = 'ReportViews1796730100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const [name, sql] of VIEWS) await queryRunner.query(`CREATE VIEW "${name}" AS ${sql}`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const [name] of [...VIEWS].reverse()) await queryRunner.query(`DROP VIEW "${name}"`);
  }
}
