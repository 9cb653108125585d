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
 * What the applications module holds about a person, for their access export (issue 17): every column of its
 * tables declared (exported with its data category, or excluded with the reason), the person's rows read
 * with its own queries. Checked against the migrated schema by test/privacy/personal-data-schema.
 */
const TABLES: HeldTable[] = [
  {
    table: 'applications',
    columns: {
      id: exported('application_content'),
      cohort_id: exported('application_content'),
      applicant_id: exported('application_content'),
      status: exported('application_content'),
      personal: exported('application_content'),
      region: exported('application_content'),
      enterprise: exported('application_content'),
      languages: exported('application_content'),
      hub_preferences: exported('application_content'),
      essays: exported('application_content'),
      referees: exported('application_content'),
      submitted_at: exported('application_content'),
      created_at: exported('application_content'),
      updated_at: exported('application_content'),
      submit_idempotency_key: exported('application_content'),
      submission_reopened_until: exported('application_content'),
    },
  },
  {
    table: 'application_documents',
    columns: {
      id: exported('documents'),
      application_id: exported('documents'),
      kind: exported('documents'),
      filename: exported('documents'),
      size_bytes: exported('documents'),
      sha256: exported('documents'),
      storage_key: excluded('the internal storage address; the file itself is in the export under files/'),
      uploaded_by: exported('documents'),
      created_at: exported('documents'),
    },
  },
  {
    table: 'application_messages',
    columns: {
      id: exported('application_content'),
      application_id: exported('application_content'),
      template: exported('application_content'),
      language: exported('application_content'),
      subject: exported('application_content'),
      body: exported('application_content'),
      sent_by: exported('application_content'),
      outbox_id: exported('application_content'),
      idempotency_key: exported('application_content'),
      created_at: exported('application_content'),
    },
  },
  {
    table: 'application_notes',
    columns: {
      id: exported('assessments'),
      application_id: exported('assessments'),
      author_id: exported('assessments'),
      body: exported('assessments'),
      created_at: exported('assessments'),
    },
  },
  {
    table: 'application_status_changes',
    columns: {
      id: exported('application_content'),
      application_id: exported('application_content'),
      from_status: exported('application_content'),
      to_status: exported('application_content'),
      actor_id: exported('application_content'),
      reason: exported('application_content'),
      created_at: exported('application_content'),
    },
  },
  {
    table: 'application_tags',
    columns: {
      application_id: exported('assessments'),
      tag: exported('assessments'),
      created_by: exported('assessments'),
      created_at: exported('assessments'),
    },
  },
  {
    table: 'application_eligibility_overrides',
    columns: {
      application_id: exported('assessments'),
      reason: exported('assessments'),
      overridden_by: exported('assessments'),
      created_at: exported('assessments'),
    },
  },
];

@Injectable()
@PersonalDataHolderOf('applications')
export class ApplicationsHolder implements PersonalDataHolder {
  readonly tables = TABLES;

  async exportFor(manager: EntityManager, userId: string): Promise<PersonalDataExport> {
    const result: PersonalDataExport = { tables: [], files: [] };
    const applications = await runQuery(
      manager,
      typedSql
        .selectFrom('applications')
        .selectAll()
        .where((eb) => eb('applicant_id', '=', userId)),
    );
    result.tables.push({ table: 'applications', rows: applications });
    const applicationDocuments = await runQuery(
      manager,
      typedSql
        .selectFrom('application_documents')
        .selectAll()
        .where((eb) =>
          eb(
            'application_id',
            'in',
            typedSql.selectFrom('applications').select('id').where('applicant_id', '=', userId),
          ),
        ),
    );
    result.tables.push({ table: 'application_documents', rows: applicationDocuments });
    for (const r of applicationDocuments)
      if (r.storage_key)
        result.files.push({ key: r.storage_key, name: `applications/${r.application_id}/${r.id}-${r.filename}` });
    const applicationMessages = await runQuery(
      manager,
      typedSql
        .selectFrom('application_messages')
        .selectAll()
        .where((eb) =>
          eb(
            'application_id',
            'in',
            typedSql.selectFrom('applications').select('id').where('applicant_id', '=', userId),
          ),
        ),
    );
    result.tables.push({ table: 'application_messages', rows: applicationMessages });
    const applicationNotes = await runQuery(
      manager,
      typedSql
        .selectFrom('application_notes')
        .selectAll()
        .where((eb) =>
          eb(
            'application_id',
            'in',
            typedSql.selectFrom('applications').select('id').where('applicant_id', '=', userId),
          ),
        ),
    );
    result.tables.push({ table: 'application_notes', rows: applicationNotes });
    const applicationStatusChanges = await runQuery(
      manager,
      typedSql
        .selectFrom('application_status_changes')
        .selectAll()
        .where((eb) =>
          eb(
            'application_id',
            'in',
            typedSql.selectFrom('applications').select('id').where('applicant_id', '=', userId),
          ),
        ),
    );
    result.tables.push({ table: 'application_status_changes', rows: applicationStatusChanges });
    const applicationTags = await runQuery(
      manager,
      typedSql
        .selectFrom('application_tags')
        .selectAll()
        .where((eb) =>
          eb(
            'application_id',
            'in',
            typedSql.selectFrom('applications').select('id').where('applicant_id', '=', userId),
          ),
        ),
    );
    result.tables.push({ table: 'application_tags', rows: applicationTags });
    const applicationEligibilityOverrides = await runQuery(
      manager,
      typedSql
        .selectFrom('application_eligibility_overrides')
        .selectAll()
        .where((eb) =>
          eb(
            'application_id',
            'in',
            typedSql.selectFrom('applications').select('id').where('applicant_id', '=', userId),
          ),
        ),
    );
    result.tables.push({ table: 'application_eligibility_overrides', rows: applicationEligibilityOverrides });
    return result;
  }
}
