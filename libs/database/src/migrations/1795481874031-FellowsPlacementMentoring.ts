import { MigrationInterface, QueryRunner } from 'typeorm';

export class FellowsPlacementMentoring1795481874031 implements MigrationInterface {
  name = 'FellowsPlacementMentoring1795481874031';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "fellows" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "cohort_id" uuid NOT NULL, "user_id" uuid NOT NULL, "application_id" uuid NOT NULL, "full_name" text NOT NULL, "gender" text, "region" text, "province" text, "enterprise_name" text, "sector" text, "languages" text array NOT NULL DEFAULT '{}', "language_certificates" jsonb NOT NULL DEFAULT '[]', "hub_preferences" text array NOT NULL DEFAULT '{}', "selection_score" double precision, "goals" text array NOT NULL DEFAULT '{}', "start_date" date NOT NULL, "end_date" date NOT NULL, "hub_id" uuid, "placed_at" TIMESTAMP WITH TIME ZONE, "status" text NOT NULL DEFAULT 'active', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b8121cc7e1afc6fc607c8e6e759" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "fellows_user_idx" ON "fellows"  ("user_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "fellows_application_key" ON "fellows"  ("application_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "fellows_cohort_user_key" ON "fellows"  ("cohort_id", "user_id") `);
    await queryRunner.query(
      `CREATE TABLE "calendar_feeds" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "token_hash" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_045067d8bb57f971f3c5426ea71" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "calendar_feeds_token_key" ON "calendar_feeds"  ("token_hash") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "calendar_feeds_active_user_key" ON "calendar_feeds"  ("user_id") WHERE revoked_at IS NULL`,
    );
    await queryRunner.query(
      `CREATE TABLE "pairings" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "cohort_id" uuid NOT NULL, "fellow_id" uuid NOT NULL, "mentor_id" uuid NOT NULL, "score" integer NOT NULL, "reasons" jsonb NOT NULL DEFAULT '[]', "matching_run_id" uuid, "status" text NOT NULL DEFAULT 'active', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "ended_at" TIMESTAMP WITH TIME ZONE, "ended_reason" text, CONSTRAINT "PK_db617dbea5aade9510d4a31c4f7" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "pairings_cohort_idx" ON "pairings"  ("cohort_id") `);
    await queryRunner.query(`CREATE INDEX "pairings_mentor_idx" ON "pairings"  ("mentor_id", "status") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "pairings_active_fellow_key" ON "pairings"  ("fellow_id") WHERE status = 'active'`,
    );
    await queryRunner.query(
      `CREATE TABLE "feedback_answers" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "pairing_id" uuid NOT NULL, "checkpoint" text NOT NULL, "author_role" text NOT NULL, "author_id" uuid NOT NULL, "answers" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_042e90a6c308850f368fa66427f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "feedback_answers_key" ON "feedback_answers"  ("pairing_id", "checkpoint", "author_role") `,
    );
    await queryRunner.query(
      `CREATE TABLE "matching_constraints" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "cohort_id" uuid NOT NULL, "fellow_id" uuid NOT NULL, "mentor_id" uuid NOT NULL, "kind" text NOT NULL, "note" text, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_4a212a6b74da5f8183fbeaa5967" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "matching_constraints_cohort_idx" ON "matching_constraints"  ("cohort_id") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "matching_constraints_one_lock_key" ON "matching_constraints"  ("fellow_id") WHERE kind = 'lock'`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "matching_constraints_pair_key" ON "matching_constraints"  ("fellow_id", "mentor_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "matching_runs" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "cohort_id" uuid NOT NULL, "input" jsonb NOT NULL, "result" jsonb NOT NULL, "status" text NOT NULL DEFAULT 'proposed', "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "approved_by" uuid, "approved_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_c0bebed77bb3aa81e48b4654d40" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "matching_runs_cohort_idx" ON "matching_runs"  ("cohort_id", "created_at") `);
    await queryRunner.query(
      `CREATE TABLE "mentor_conflicts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "mentor_id" uuid NOT NULL, "fellow_id" uuid NOT NULL, "reason" text NOT NULL, "declared_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_c1e766cde0c18f78d78d411271e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "mentor_conflicts_fellow_idx" ON "mentor_conflicts"  ("fellow_id") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "mentor_conflicts_pair_key" ON "mentor_conflicts"  ("mentor_id", "fellow_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "mentor_profiles" ("user_id" uuid NOT NULL, "organisation" text, "title" text, "sectors" text array NOT NULL DEFAULT '{}', "expertise" text array NOT NULL DEFAULT '{}', "languages" text array NOT NULL DEFAULT '{}', "city" text, "time_zone" text NOT NULL, "capacity" integer NOT NULL DEFAULT '2', "available_from" date, "available_to" date, "bio" text, "active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_5fa86c14c3a0de91f7253a180bb" PRIMARY KEY ("user_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "mentoring_reminders" ("id" bigint GENERATED BY DEFAULT AS IDENTITY NOT NULL, "pairing_id" uuid NOT NULL, "kind" text NOT NULL, "period" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_7a754e425e3928d64c0f7eb3d70" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "mentoring_reminders_key" ON "mentoring_reminders"  ("pairing_id", "kind", "period") `,
    );
    await queryRunner.query(
      `CREATE TABLE "mentoring_sessions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "pairing_id" uuid NOT NULL, "held_at" TIMESTAMP WITH TIME ZONE NOT NULL, "duration_minutes" integer NOT NULL, "mode" text NOT NULL, "topics" text array NOT NULL DEFAULT '{}', "other_topic" text, "notes" text NOT NULL DEFAULT '', "action_items" jsonb NOT NULL DEFAULT '[]', "logged_by" uuid NOT NULL, "confirmed_at" TIMESTAMP WITH TIME ZONE, "rating" smallint, "rating_comment" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_8ce3ec85cbac78813679b7c1f67" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "mentoring_sessions_pairing_idx" ON "mentoring_sessions"  ("pairing_id", "held_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "rematch_requests" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "pairing_id" uuid NOT NULL, "requested_by" uuid NOT NULL, "requester_role" text NOT NULL, "reason" text NOT NULL, "status" text NOT NULL DEFAULT 'open', "resolution" text, "resolved_by" uuid, "resolved_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_f4cc01c63135153850d6041e4ac" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "rematch_requests_open_key" ON "rematch_requests"  ("pairing_id", "requested_by") WHERE status = 'open'`,
    );
    await queryRunner.query(
      `CREATE TABLE "placement_constraints" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "cohort_id" uuid NOT NULL, "fellow_id" uuid NOT NULL, "hub_id" uuid NOT NULL, "kind" text NOT NULL, "note" text, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_059e2b17298b5351634fbfd47de" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "placement_constraints_cohort_idx" ON "placement_constraints"  ("cohort_id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "placement_constraints_one_lock_key" ON "placement_constraints"  ("fellow_id") WHERE kind = 'lock'`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "placement_constraints_pair_key" ON "placement_constraints"  ("fellow_id", "hub_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "placement_runs" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "cohort_id" uuid NOT NULL, "input" jsonb NOT NULL, "result" jsonb NOT NULL, "status" text NOT NULL DEFAULT 'proposed', "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "confirmed_by" uuid, "confirmed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_6dcccb94311b77796cadf933a60" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "placement_runs_confirmed_key" ON "placement_runs"  ("cohort_id") WHERE status = 'confirmed'`,
    );
    await queryRunner.query(
      `CREATE INDEX "placement_runs_cohort_idx" ON "placement_runs"  ("cohort_id", "created_at") `,
    );
    await queryRunner.query(`ALTER TABLE "hubs" ADD "minimum_fellows" integer NOT NULL DEFAULT '0'`);
    await queryRunner.query(`ALTER TABLE "hubs" ADD "time_zone" text NOT NULL DEFAULT 'UTC'`);
    await queryRunner.query(`ALTER TABLE "hubs" ADD "local_languages" text array NOT NULL DEFAULT '{}'`);
    // Hubs made before this migration get the time zone and language of the default hub with their code.
    await queryRunner.query(`UPDATE "hubs" h SET "time_zone" = d.tz, "local_languages" = d.langs
            FROM (VALUES ('SG', 'Asia/Singapore', '{en}'::text[]), ('JP', 'Asia/Tokyo', '{ja}'::text[]),
                         ('KR', 'Asia/Seoul', '{ko}'::text[]), ('EU', 'Europe/Berlin', '{de}'::text[])) AS d(code, tz, langs)
           WHERE h.code = d.code`);
    await queryRunner.query(
      `ALTER TABLE "fellows" ADD CONSTRAINT "FK_659e0f1771ef9426551ae5e74d1" FOREIGN KEY ("cohort_id") REFERENCES "cohorts"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "fellows" ADD CONSTRAINT "FK_acdc25eb5bb34c325500b9e4e47" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "fellows" ADD CONSTRAINT "FK_b777a0c7cc4417a2e2bbd2912ca" FOREIGN KEY ("hub_id") REFERENCES "hubs"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "calendar_feeds" ADD CONSTRAINT "FK_3212ce9ff23847e66347a6730d3" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "pairings" ADD CONSTRAINT "FK_f270dc24162cccf792094fa3960" FOREIGN KEY ("cohort_id") REFERENCES "cohorts"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "pairings" ADD CONSTRAINT "FK_53a90f8495f2898aed9883820cd" FOREIGN KEY ("fellow_id") REFERENCES "fellows"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "pairings" ADD CONSTRAINT "FK_b5d98620e95964ad3bab8c15ff8" FOREIGN KEY ("mentor_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "feedback_answers" ADD CONSTRAINT "FK_8b12309991a8423b10c3a9d3c8b" FOREIGN KEY ("pairing_id") REFERENCES "pairings"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "matching_constraints" ADD CONSTRAINT "FK_0046de374e0d230ccb4d31548c5" FOREIGN KEY ("fellow_id") REFERENCES "fellows"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "matching_constraints" ADD CONSTRAINT "FK_4cefdd35c40374b32c650203c30" FOREIGN KEY ("mentor_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "matching_runs" ADD CONSTRAINT "FK_d3477c5fb6aab89446addcb2abd" FOREIGN KEY ("cohort_id") REFERENCES "cohorts"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "mentor_conflicts" ADD CONSTRAINT "FK_5921e84045bddace7b346853abd" FOREIGN KEY ("mentor_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "mentor_conflicts" ADD CONSTRAINT "FK_76ddd697efc8885de8cff92e30c" FOREIGN KEY ("fellow_id") REFERENCES "fellows"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "mentor_profiles" ADD CONSTRAINT "FK_5fa86c14c3a0de91f7253a180bb" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "mentoring_sessions" ADD CONSTRAINT "FK_31ad21b11a5444b50cb65199b6b" FOREIGN KEY ("pairing_id") REFERENCES "pairings"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "rematch_requests" ADD CONSTRAINT "FK_f05555af0cd075e57f5b86a76b6" FOREIGN KEY ("pairing_id") REFERENCES "pairings"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "rematch_requests" ADD CONSTRAINT "FK_40055368ca6e0cca8328003746c" FOREIGN KEY ("requested_by") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "placement_constraints" ADD CONSTRAINT "FK_fc2bcd83f5feadf3d92a899401c" FOREIGN KEY ("fellow_id") REFERENCES "fellows"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "placement_constraints" ADD CONSTRAINT "FK_f2832f5f662fead442e8ccf4ec8" FOREIGN KEY ("hub_id") REFERENCES "hubs"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "placement_runs" ADD CONSTRAINT "FK_9fd8ab3f44e623c4b365b6f16f9" FOREIGN KEY ("cohort_id") REFERENCES "cohorts"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "placement_runs" DROP CONSTRAINT "FK_9fd8ab3f44e623c4b365b6f16f9"`);
    await queryRunner.query(`ALTER TABLE "placement_constraints" DROP CONSTRAINT "FK_f2832f5f662fead442e8ccf4ec8"`);
    await queryRunner.query(`ALTER TABLE "placement_constraints" DROP CONSTRAINT "FK_fc2bcd83f5feadf3d92a899401c"`);
    await queryRunner.query(`ALTER TABLE "rematch_requests" DROP CONSTRAINT "FK_40055368ca6e0cca8328003746c"`);
    await queryRunner.query(`ALTER TABLE "rematch_requests" DROP CONSTRAINT "FK_f05555af0cd075e57f5b86a76b6"`);
    await queryRunner.query(`ALTER TABLE "mentoring_sessions" DROP CONSTRAINT "FK_31ad21b11a5444b50cb65199b6b"`);
    await queryRunner.query(`ALTER TABLE "mentor_profiles" DROP CONSTRAINT "FK_5fa86c14c3a0de91f7253a180bb"`);
    await queryRunner.query(`ALTER TABLE "mentor_conflicts" DROP CONSTRAINT "FK_76ddd697efc8885de8cff92e30c"`);
    await queryRunner.query(`ALTER TABLE "mentor_conflicts" DROP CONSTRAINT "FK_5921e84045bddace7b346853abd"`);
    await queryRunner.query(`ALTER TABLE "matching_runs" DROP CONSTRAINT "FK_d3477c5fb6aab89446addcb2abd"`);
    await queryRunner.query(`ALTER TABLE "matching_constraints" DROP CONSTRAINT "FK_4cefdd35c40374b32c650203c30"`);
    await queryRunner.query(`ALTER TABLE "matching_constraints" DROP CONSTRAINT "FK_0046de374e0d230ccb4d31548c5"`);
    await queryRunner.query(`ALTER TABLE "feedback_answers" DROP CONSTRAINT "FK_8b12309991a8423b10c3a9d3c8b"`);
    await queryRunner.query(`ALTER TABLE "pairings" DROP CONSTRAINT "FK_b5d98620e95964ad3bab8c15ff8"`);
    await queryRunner.query(`ALTER TABLE "pairings" DROP CONSTRAINT "FK_53a90f8495f2898aed9883820cd"`);
    await queryRunner.query(`ALTER TABLE "pairings" DROP CONSTRAINT "FK_f270dc24162cccf792094fa3960"`);
    await queryRunner.query(`ALTER TABLE "calendar_feeds" DROP CONSTRAINT "FK_3212ce9ff23847e66347a6730d3"`);
    await queryRunner.query(`ALTER TABLE "fellows" DROP CONSTRAINT "FK_b777a0c7cc4417a2e2bbd2912ca"`);
    await queryRunner.query(`ALTER TABLE "fellows" DROP CONSTRAINT "FK_acdc25eb5bb34c325500b9e4e47"`);
    await queryRunner.query(`ALTER TABLE "fellows" DROP CONSTRAINT "FK_659e0f1771ef9426551ae5e74d1"`);
    await queryRunner.query(`ALTER TABLE "hubs" DROP COLUMN "local_languages"`);
    await queryRunner.query(`ALTER TABLE "hubs" DROP COLUMN "time_zone"`);
    await queryRunner.query(`ALTER TABLE "hubs" DROP COLUMN "minimum_fellows"`);
    await queryRunner.query(`DROP INDEX "public"."placement_runs_cohort_idx"`);
    await queryRunner.query(`DROP INDEX "public"."placement_runs_confirmed_key"`);
    await queryRunner.query(`DROP TABLE "placement_runs"`);
    await queryRunner.query(`DROP INDEX "public"."placement_constraints_pair_key"`);
    await queryRunner.query(`DROP INDEX "public"."placement_constraints_one_lock_key"`);
    await queryRunner.query(`DROP INDEX "public"."placement_constraints_cohort_idx"`);
    await queryRunner.query(`DROP TABLE "placement_constraints"`);
    await queryRunner.query(`DROP INDEX "public"."rematch_requests_open_key"`);
    await queryRunner.query(`DROP TABLE "rematch_requests"`);
    await queryRunner.query(`DROP INDEX "public"."mentoring_sessions_pairing_idx"`);
    await queryRunner.query(`DROP TABLE "mentoring_sessions"`);
    await queryRunner.query(`DROP INDEX "public"."mentoring_reminders_key"`);
    await queryRunner.query(`DROP TABLE "mentoring_reminders"`);
    await queryRunner.query(`DROP TABLE "mentor_profiles"`);
    await queryRunner.query(`DROP INDEX "public"."mentor_conflicts_pair_key"`);
    await queryRunner.query(`DROP INDEX "public"."mentor_conflicts_fellow_idx"`);
    await queryRunner.query(`DROP TABLE "mentor_conflicts"`);
    await queryRunner.query(`DROP INDEX "public"."matching_runs_cohort_idx"`);
    await queryRunner.query(`DROP TABLE "matching_runs"`);
    await queryRunner.query(`DROP INDEX "public"."matching_constraints_pair_key"`);
    await queryRunner.query(`DROP INDEX "public"."matching_constraints_one_lock_key"`);
    await queryRunner.query(`DROP INDEX "public"."matching_constraints_cohort_idx"`);
    await queryRunner.query(`DROP TABLE "matching_constraints"`);
    await queryRunner.query(`DROP INDEX "public"."feedback_answers_key"`);
    await queryRunner.query(`DROP TABLE "feedback_answers"`);
    await queryRunner.query(`DROP INDEX "public"."pairings_active_fellow_key"`);
    await queryRunner.query(`DROP INDEX "public"."pairings_mentor_idx"`);
    await queryRunner.query(`DROP INDEX "public"."pairings_cohort_idx"`);
    await queryRunner.query(`DROP TABLE "pairings"`);
    await queryRunner.query(`DROP INDEX "public"."calendar_feeds_active_user_key"`);
    await queryRunner.query(`DROP INDEX "public"."calendar_feeds_token_key"`);
    await queryRunner.query(`DROP TABLE "calendar_feeds"`);
    await queryRunner.query(`DROP INDEX "public"."fellows_cohort_user_key"`);
    await queryRunner.query(`DROP INDEX "public"."fellows_application_key"`);
    await queryRunner.query(`DROP INDEX "public"."fellows_user_idx"`);
    await queryRunner.query(`DROP TABLE "fellows"`);
  }
}
