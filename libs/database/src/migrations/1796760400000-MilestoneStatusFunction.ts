import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 15: milestones' derived status becomes a SQL function milestones own, so reports (and any module)
 * read the rule from the database instead of embedding milestones' SQL fragment.
 *
 * A function, not a view: the status depends on "today", the programme's calendar day, which every
 * caller passes from the one Clock (`programDay(clock.now())`, or `($now AT TIME ZONE $tz)::date` in
 * SQL); a view cannot take that parameter, and a view over `current_date` would read the database's
 * clock and time zone. `milestone_status(state, due_on, today)` is the rule itself (THE one: milestones'
 * `milestoneStatusSql` calls it too); IMMUTABLE, one expression in LANGUAGE sql, so PostgreSQL inlines
 * it into the caller's query (no call per row, indexes and filters as before).
 * A milestone still owed (open, or sent back with changes requested) is overdue the day after its due
 * date; an open one is due soon from 7 days before it (DUE_SOON_DAYS) to that day.
 */
export class MilestoneStatusFunction1796760400000 implements MigrationInterface {
  name = 'MilestoneStatusFunction1796760400000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION "milestone_status"(state text, due_on date, today date) RETURNS text
        LANGUAGE sql IMMUTABLE PARALLEL SAFE
        AS $$
          SELECT CASE
            WHEN state IN ('open', 'changes_requested') AND due_on < today THEN 'overdue'
            WHEN state <> 'open' THEN state
            WHEN due_on <= today + 7 THEN 'due_soon'
            ELSE 'upcoming'
          END
        $$`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION "milestone_status"(text, date, date)`);
  }
}
