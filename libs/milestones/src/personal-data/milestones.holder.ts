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
 * What the milestones module holds about a person, for their access export (issue 17): every column of its
 * tables declared (exported with its data category, or excluded with the reason), the person's rows read
 * with its own queries. Checked against the migrated schema by test/privacy/personal-data-schema.
 */
const TABLES: HeldTable[] = [
  {
    table: 'milestones',
    columns: {
      id: exported('programme'),
      fellow_id: exported('programme'),
      template_id: exported('programme'),
      code: exported('programme'),
      position: exported('programme'),
      title: exported('programme'),
      description: exported('programme'),
      evidence: exported('programme'),
      reviewer: exported('programme'),
      pillars: exported('programme'),
      base_due_on: exported('programme'),
      extension_days: exported('programme'),
      due_on: exported('programme'),
      state: exported('programme'),
      waived_reason: exported('programme'),
      submitted_at: exported('programme'),
      approved_at: exported('programme'),
      created_at: exported('programme'),
      updated_at: exported('programme'),
    },
  },
  {
    table: 'milestone_submissions',
    columns: {
      id: exported('programme'),
      milestone_id: exported('programme'),
      version: exported('programme'),
      text: exported('programme'),
      link: exported('programme'),
      storage_key: excluded('the internal storage address; the file itself is in the export under files/'),
      filename: exported('programme'),
      size_bytes: exported('programme'),
      sha256: exported('programme'),
      submitted_by: exported('programme'),
      created_at: exported('programme'),
    },
  },
  {
    table: 'milestone_reviews',
    columns: {
      id: exported('programme'),
      milestone_id: exported('programme'),
      submission_id: exported('programme'),
      reviewer_id: exported('programme'),
      reviewer_role: exported('programme'),
      decision: exported('programme'),
      comment: exported('programme'),
      created_at: exported('programme'),
    },
  },
  {
    table: 'milestone_extensions',
    columns: {
      id: exported('programme'),
      milestone_id: exported('programme'),
      days: exported('programme'),
      reason: exported('programme'),
      granted_by: exported('programme'),
      created_at: exported('programme'),
    },
  },
];

@Injectable()
@PersonalDataHolderOf('milestones')
export class MilestonesHolder implements PersonalDataHolder {
  readonly tables = TABLES;

  async exportFor(manager: EntityManager, userId: string): Promise<PersonalDataExport> {
    const result: PersonalDataExport = { tables: [], files: [] };
    const milestones = await runQuery(
      manager,
      typedSql
        .selectFrom('milestones')
        .selectAll()
        .where((eb) =>
          eb('fellow_id', 'in', typedSql.selectFrom('fellows_v').select('id').where('user_id', '=', userId)),
        ),
    );
    result.tables.push({ table: 'milestones', rows: milestones });
    const milestoneSubmissions = await runQuery(
      manager,
      typedSql
        .selectFrom('milestone_submissions')
        .selectAll()
        .where((eb) =>
          eb.or([
            eb('submitted_by', '=', userId),
            eb(
              'milestone_id',
              'in',
              typedSql
                .selectFrom('milestones')
                .select('id')
                .where('fellow_id', 'in', typedSql.selectFrom('fellows_v').select('id').where('user_id', '=', userId)),
            ),
          ]),
        ),
    );
    result.tables.push({ table: 'milestone_submissions', rows: milestoneSubmissions });
    for (const r of milestoneSubmissions)
      if (r.storage_key)
        result.files.push({ key: r.storage_key, name: `milestones/${r.milestone_id}/${r.id}-${r.filename}` });
    const milestoneReviews = await runQuery(
      manager,
      typedSql
        .selectFrom('milestone_reviews')
        .selectAll()
        .where((eb) =>
          eb(
            'milestone_id',
            'in',
            typedSql
              .selectFrom('milestones')
              .select('id')
              .where('fellow_id', 'in', typedSql.selectFrom('fellows_v').select('id').where('user_id', '=', userId)),
          ),
        ),
    );
    result.tables.push({ table: 'milestone_reviews', rows: milestoneReviews });
    const milestoneExtensions = await runQuery(
      manager,
      typedSql
        .selectFrom('milestone_extensions')
        .selectAll()
        .where((eb) =>
          eb(
            'milestone_id',
            'in',
            typedSql
              .selectFrom('milestones')
              .select('id')
              .where('fellow_id', 'in', typedSql.selectFrom('fellows_v').select('id').where('user_id', '=', userId)),
          ),
        ),
    );
    result.tables.push({ table: 'milestone_extensions', rows: milestoneExtensions });
    return result;
  }
}
