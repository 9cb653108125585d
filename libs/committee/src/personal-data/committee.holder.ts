import { Injectable } from '@nestjs/common';
import { runQuery, typedSql } from '@vgbf/database';
import {
  type HeldTable,
  type PersonalDataExport,
  type PersonalDataHolder,
  PersonalDataHolderOf,
  excluded,
  exported,
} from '@vgbf/personal-data';
import type { EntityManager } from 'typeorm';

/**
 * What the committee module holds about a person, for their access export (issue 17): every column of its
 * tables declared (exported with its data category, or excluded with the reason), the person's rows read
 * with its own queries. Checked against the migrated schema by test/privacy/personal-data-schema.
 */
const TABLES: HeldTable[] = [
  {
    table: 'review_assignments',
    columns: {
      id: exported('assessments'),
      cohort_id: exported('assessments'),
      application_id: exported('assessments'),
      reviewer_id: excluded(
        "the reviewer's identity is the reviewer's personal data, and review is blind (the applicant's export shows the assignment, not who)",
      ),
      source: exported('assessments'),
      created_by: excluded("the staff member who assigned: staff's personal data, not the person's"),
      created_at: exported('assessments'),
    },
  },
  {
    table: 'reviews',
    columns: {
      assignment_id: exported('assessments'),
      scores: exported('assessments'),
      comment: exported('assessments'),
      recommendation: exported('assessments'),
      submitted_at: exported('assessments'),
      updated_at: exported('assessments'),
      weighted_score: exported('assessments'),
      cohort_id: exported('assessments'),
    },
  },
  {
    table: 'review_drafts',
    columns: {
      assignment_id: exported('assessments'),
      scores: exported('assessments'),
      comment: exported('assessments'),
      recommendation: exported('assessments'),
      updated_at: exported('assessments'),
    },
  },
  {
    table: 'interviews',
    columns: {
      application_id: exported('assessments'),
      scores: exported('assessments'),
      recorded_by: exported('assessments'),
      recorded_at: exported('assessments'),
    },
  },
  {
    table: 'offers',
    columns: {
      id: exported('application_content'),
      application_id: exported('application_content'),
      cohort_id: exported('application_content'),
      run_id: exported('application_content'),
      status: exported('application_content'),
      expires_at: exported('application_content'),
      responded_at: exported('application_content'),
      reminded_at: exported('application_content'),
      vacancy_settled_at: exported('application_content'),
      replaced_by_offer_id: exported('application_content'),
      created_at: exported('application_content'),
    },
  },
  {
    table: 'waitlist_entries',
    columns: {
      application_id: exported('application_content'),
      cohort_id: exported('application_content'),
      run_id: exported('application_content'),
      rank: exported('application_content'),
      status: exported('application_content'),
      updated_at: exported('application_content'),
    },
  },
  {
    table: 'reviewer_conflicts',
    columns: {
      id: exported('assessments'),
      application_id: exported('assessments'),
      reviewer_id: exported('assessments'),
      source: exported('assessments'),
      status: exported('assessments'),
      reason: exported('assessments'),
      decided_by: exported('assessments'),
      decided_at: exported('assessments'),
      created_at: exported('assessments'),
    },
  },
  {
    table: 'conflict_declarations',
    columns: {
      id: exported('assessments'),
      reviewer_id: exported('assessments'),
      cohort_id: exported('assessments'),
      names: exported('assessments'),
      emails: exported('assessments'),
      reason: exported('assessments'),
      matched: exported('assessments'),
      created_at: exported('assessments'),
    },
  },
  {
    table: 'reviewer_profiles',
    columns: {
      user_id: exported('identity'),
      sectors: exported('identity'),
      organisation: exported('identity'),
      max_load: exported('identity'),
      updated_at: exported('identity'),
    },
  },
];

@Injectable()
@PersonalDataHolderOf('committee')
export class CommitteeHolder implements PersonalDataHolder {
  readonly tables = TABLES;

  async exportFor(manager: EntityManager, userId: string): Promise<PersonalDataExport> {
    const result: PersonalDataExport = { tables: [], files: [] };
    const reviewAssignments = await runQuery(
      manager,
      typedSql
        .selectFrom('review_assignments')
        .selectAll()
        .where((eb) =>
          eb.or([
            eb('reviewer_id', '=', userId),
            eb(
              'application_id',
              'in',
              typedSql.selectFrom('cohort_applicants_v').select('application_id').where('applicant_id', '=', userId),
            ),
          ]),
        ),
    );
    result.tables.push({ table: 'review_assignments', rows: reviewAssignments });
    const reviews = await runQuery(
      manager,
      typedSql
        .selectFrom('reviews')
        .selectAll()
        .where((eb) =>
          eb(
            'assignment_id',
            'in',
            typedSql
              .selectFrom('review_assignments')
              .select('id')
              .where((eb) =>
                eb.or([
                  eb('reviewer_id', '=', userId),
                  eb(
                    'application_id',
                    'in',
                    typedSql
                      .selectFrom('cohort_applicants_v')
                      .select('application_id')
                      .where('applicant_id', '=', userId),
                  ),
                ]),
              ),
          ),
        ),
    );
    result.tables.push({ table: 'reviews', rows: reviews });
    const reviewDrafts = await runQuery(
      manager,
      typedSql
        .selectFrom('review_drafts')
        .selectAll()
        .where((eb) =>
          eb(
            'assignment_id',
            'in',
            typedSql
              .selectFrom('review_assignments')
              .select('id')
              .where((eb) =>
                eb.or([
                  eb('reviewer_id', '=', userId),
                  eb(
                    'application_id',
                    'in',
                    typedSql
                      .selectFrom('cohort_applicants_v')
                      .select('application_id')
                      .where('applicant_id', '=', userId),
                  ),
                ]),
              ),
          ),
        ),
    );
    result.tables.push({ table: 'review_drafts', rows: reviewDrafts });
    const interviews = await runQuery(
      manager,
      typedSql
        .selectFrom('interviews')
        .selectAll()
        .where((eb) =>
          eb(
            'application_id',
            'in',
            typedSql.selectFrom('cohort_applicants_v').select('application_id').where('applicant_id', '=', userId),
          ),
        ),
    );
    result.tables.push({ table: 'interviews', rows: interviews });
    const offers = await runQuery(
      manager,
      typedSql
        .selectFrom('offers')
        .selectAll()
        .where((eb) =>
          eb(
            'application_id',
            'in',
            typedSql.selectFrom('cohort_applicants_v').select('application_id').where('applicant_id', '=', userId),
          ),
        ),
    );
    result.tables.push({ table: 'offers', rows: offers });
    const waitlistEntries = await runQuery(
      manager,
      typedSql
        .selectFrom('waitlist_entries')
        .selectAll()
        .where((eb) =>
          eb(
            'application_id',
            'in',
            typedSql.selectFrom('cohort_applicants_v').select('application_id').where('applicant_id', '=', userId),
          ),
        ),
    );
    result.tables.push({ table: 'waitlist_entries', rows: waitlistEntries });
    const reviewerConflicts = await runQuery(
      manager,
      typedSql
        .selectFrom('reviewer_conflicts')
        .selectAll()
        .where((eb) =>
          eb.or([
            eb('reviewer_id', '=', userId),
            eb(
              'application_id',
              'in',
              typedSql.selectFrom('cohort_applicants_v').select('application_id').where('applicant_id', '=', userId),
            ),
          ]),
        ),
    );
    result.tables.push({ table: 'reviewer_conflicts', rows: reviewerConflicts });
    const conflictDeclarations = await runQuery(
      manager,
      typedSql
        .selectFrom('conflict_declarations')
        .selectAll()
        .where((eb) => eb('reviewer_id', '=', userId)),
    );
    result.tables.push({ table: 'conflict_declarations', rows: conflictDeclarations });
    const reviewerProfiles = await runQuery(
      manager,
      typedSql
        .selectFrom('reviewer_profiles')
        .selectAll()
        .where((eb) => eb('user_id', '=', userId)),
    );
    result.tables.push({ table: 'reviewer_profiles', rows: reviewerProfiles });
    return result;
  }
}
