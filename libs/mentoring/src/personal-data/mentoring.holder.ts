import { Injectable } from '@nestjs/common';
import { type Database, runQuery, typedSql } from '@vgbf/database';
import { FieldCipher, fieldContext } from '@vgbf/encryption';
import {
  type HeldTable,
  type PersonalDataExport,
  type PersonalDataHolder,
  PersonalDataHolderOf,
  excluded,
  exported,
} from '@vgbf/personal-data';
import type { ExpressionBuilder } from 'kysely';
import type { EntityManager } from 'typeorm';

/**
 * What the mentoring module holds about a person, for their access export (issue 17): every column of its
 * tables declared (exported with its data category, or excluded with the reason), the person's rows read
 * with its own queries. Checked against the migrated schema by test/privacy/personal-data-schema.
 */
const TABLES: HeldTable[] = [
  {
    table: 'pairings',
    columns: {
      id: exported('programme'),
      cohort_id: exported('programme'),
      fellow_id: exported('programme'),
      mentor_id: exported('programme'),
      score: exported('programme'),
      reasons: exported('programme'),
      matching_run_id: exported('programme'),
      status: exported('programme'),
      created_at: exported('programme'),
      ended_at: exported('programme'),
      ended_reason: exported('programme'),
    },
  },
  {
    table: 'mentoring_sessions',
    columns: {
      id: exported('mentoring_notes'),
      pairing_id: exported('mentoring_notes'),
      held_at: exported('mentoring_notes'),
      duration_minutes: exported('mentoring_notes'),
      mode: exported('mentoring_notes'),
      topics: exported('mentoring_notes'),
      other_topic: exported('mentoring_notes'),
      notes: exported('mentoring_notes'),
      action_items: exported('mentoring_notes'),
      logged_by: exported('mentoring_notes'),
      confirmed_at: exported('mentoring_notes'),
      rating: exported('mentoring_notes'),
      rating_comment: exported('mentoring_notes'),
      created_at: exported('mentoring_notes'),
      updated_at: exported('mentoring_notes'),
    },
  },
  {
    table: 'planned_sessions',
    columns: {
      id: exported('mentoring_notes'),
      pairing_id: exported('mentoring_notes'),
      starts_at: exported('mentoring_notes'),
      duration_minutes: exported('mentoring_notes'),
      mode: exported('mentoring_notes'),
      topics: exported('mentoring_notes'),
      agenda: exported('mentoring_notes'),
      status: exported('mentoring_notes'),
      scheduled_by: exported('mentoring_notes'),
      session_id: exported('mentoring_notes'),
      cancelled_at: exported('mentoring_notes'),
      created_at: exported('mentoring_notes'),
      updated_at: exported('mentoring_notes'),
    },
  },
  {
    table: 'feedback_answers',
    columns: {
      id: exported('programme'),
      pairing_id: exported('programme'),
      checkpoint: exported('programme'),
      author_role: exported('programme'),
      author_id: exported('programme'),
      answers: exported('programme'),
      created_at: exported('programme'),
    },
  },
  {
    table: 'rematch_requests',
    columns: {
      id: exported('programme'),
      pairing_id: exported('programme'),
      requested_by: exported('programme'),
      requester_role: exported('programme'),
      reason: exported('programme'),
      status: exported('programme'),
      resolution: exported('programme'),
      resolved_by: exported('programme'),
      resolved_at: exported('programme'),
      created_at: exported('programme'),
    },
  },
  {
    table: 'mentor_profiles',
    columns: {
      user_id: exported('identity'),
      organisation: exported('identity'),
      title: exported('identity'),
      sectors: exported('identity'),
      expertise: exported('identity'),
      languages: exported('identity'),
      city: exported('identity'),
      time_zone: exported('identity'),
      capacity: exported('identity'),
      available_from: exported('identity'),
      available_to: exported('identity'),
      bio: exported('identity'),
      active: exported('identity'),
      created_at: exported('identity'),
      updated_at: exported('identity'),
    },
  },
  {
    table: 'mentor_conflicts',
    columns: {
      id: exported('programme'),
      mentor_id: exported('programme'),
      fellow_id: exported('programme'),
      reason: exported('programme'),
      declared_by: exported('programme'),
      created_at: exported('programme'),
    },
  },
  {
    table: 'matching_constraints',
    columns: {
      id: exported('programme'),
      cohort_id: exported('programme'),
      fellow_id: exported('programme'),
      mentor_id: exported('programme'),
      kind: exported('programme'),
      note: exported('programme'),
      created_by: exported('programme'),
      created_at: exported('programme'),
    },
  },
  {
    table: 'calendar_feeds',
    columns: {
      id: exported('account'),
      user_id: exported('account'),
      token_hash: excluded(
        'a one-way hash of a secret token: it protects the account and says nothing about the person',
      ),
      created_at: exported('account'),
      revoked_at: exported('account'),
    },
  },
];

@Injectable()
@PersonalDataHolderOf('mentoring')
export class MentoringHolder implements PersonalDataHolder {
  readonly tables = TABLES;

  constructor(private readonly cipher: FieldCipher) {}

  async exportFor(manager: EntityManager, userId: string): Promise<PersonalDataExport> {
    const result: PersonalDataExport = { tables: [], files: [] };
    // The person's pairs, as the mentor or as the fellow: what every other table here hangs from.
    const ownPair = (eb: ExpressionBuilder<Database, 'pairings'>) =>
      eb.or([
        eb('mentor_id', '=', userId),
        eb('fellow_id', 'in', typedSql.selectFrom('fellows_v').select('id').where('user_id', '=', userId)),
      ]);
    const ownPairingIds = typedSql.selectFrom('pairings').select('id').where(ownPair);
    const pairings = await runQuery(manager, typedSql.selectFrom('pairings').selectAll().where(ownPair));
    result.tables.push({ table: 'pairings', rows: pairings });
    const mentoringSessions = await runQuery(
      manager,
      typedSql
        .selectFrom('mentoring_sessions')
        .selectAll()
        .where((eb) => eb('pairing_id', 'in', ownPairingIds)),
    );
    // The notes and the rating comment are encrypted at rest: the person gets them readable.
    const opened = mentoringSessions.map((row) => ({
      ...row,
      notes: this.cipher.decrypt(row.notes, fieldContext('mentoring_sessions', 'notes', row.id)),
      rating_comment:
        row.rating_comment === null
          ? null
          : this.cipher.decrypt(row.rating_comment, fieldContext('mentoring_sessions', 'rating_comment', row.id)),
    }));
    result.tables.push({ table: 'mentoring_sessions', rows: opened });
    const plannedSessions = await runQuery(
      manager,
      typedSql
        .selectFrom('planned_sessions')
        .selectAll()
        .where((eb) => eb('pairing_id', 'in', ownPairingIds)),
    );
    result.tables.push({ table: 'planned_sessions', rows: plannedSessions });
    const feedbackAnswers = await runQuery(
      manager,
      typedSql
        .selectFrom('feedback_answers')
        .selectAll()
        .where((eb) => eb('pairing_id', 'in', ownPairingIds)),
    );
    result.tables.push({ table: 'feedback_answers', rows: feedbackAnswers });
    const rematchRequests = await runQuery(
      manager,
      typedSql
        .selectFrom('rematch_requests')
        .selectAll()
        .where((eb) => eb.or([eb('requested_by', '=', userId), eb('pairing_id', 'in', ownPairingIds)])),
    );
    result.tables.push({ table: 'rematch_requests', rows: rematchRequests });
    const mentorProfiles = await runQuery(
      manager,
      typedSql
        .selectFrom('mentor_profiles')
        .selectAll()
        .where((eb) => eb('user_id', '=', userId)),
    );
    result.tables.push({ table: 'mentor_profiles', rows: mentorProfiles });
    const mentorConflicts = await runQuery(
      manager,
      typedSql
        .selectFrom('mentor_conflicts')
        .selectAll()
        .where((eb) =>
          eb.or([
            eb('mentor_id', '=', userId),
            eb('fellow_id', 'in', typedSql.selectFrom('fellows_v').select('id').where('user_id', '=', userId)),
          ]),
        ),
    );
    result.tables.push({ table: 'mentor_conflicts', rows: mentorConflicts });
    const matchingConstraints = await runQuery(
      manager,
      typedSql
        .selectFrom('matching_constraints')
        .selectAll()
        .where((eb) =>
          eb.or([
            eb('mentor_id', '=', userId),
            eb('fellow_id', 'in', typedSql.selectFrom('fellows_v').select('id').where('user_id', '=', userId)),
          ]),
        ),
    );
    result.tables.push({ table: 'matching_constraints', rows: matchingConstraints });
    const calendarFeeds = await runQuery(
      manager,
      typedSql
        .selectFrom('calendar_feeds')
        .selectAll()
        .where((eb) => eb('user_id', '=', userId)),
    );
    result.tables.push({ table: 'calendar_feeds', rows: calendarFeeds });
    return result;
  }
}
