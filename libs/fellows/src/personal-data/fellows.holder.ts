import { Injectable } from '@nestjs/common';
import { runQuery, typedSql } from '@vgbf/database';
import {
  type HeldTable,
  type PersonalDataExport,
  type PersonalDataHolder,
  PersonalDataHolderOf,
  exported,
} from '@vgbf/personal-data';
import type { EntityManager } from 'typeorm';

/**
 * What the fellows module holds about a person, for their access export (issue 17): every column of its
 * tables declared (exported with its data category, or excluded with the reason), the person's rows read
 * with its own queries. Checked against the migrated schema by test/privacy/personal-data-schema.
 */
const TABLES: HeldTable[] = [
  {
    table: 'fellows',
    columns: {
      id: exported('programme'),
      cohort_id: exported('programme'),
      user_id: exported('programme'),
      application_id: exported('programme'),
      full_name: exported('programme'),
      gender: exported('programme'),
      region: exported('programme'),
      province: exported('programme'),
      enterprise_name: exported('programme'),
      sector: exported('programme'),
      languages: exported('programme'),
      language_certificates: exported('programme'),
      hub_preferences: exported('programme'),
      selection_score: exported('programme'),
      goals: exported('programme'),
      start_date: exported('programme'),
      end_date: exported('programme'),
      hub_id: exported('programme'),
      placed_at: exported('programme'),
      status: exported('programme'),
      created_at: exported('programme'),
      updated_at: exported('programme'),
    },
  },
];

@Injectable()
@PersonalDataHolderOf('fellows')
export class FellowsHolder implements PersonalDataHolder {
  readonly tables = TABLES;

  async exportFor(manager: EntityManager, userId: string): Promise<PersonalDataExport> {
    const result: PersonalDataExport = { tables: [], files: [] };
    const fellows = await runQuery(
      manager,
      typedSql
        .selectFrom('fellows')
        .selectAll()
        .where((eb) => eb('user_id', '=', userId)),
    );
    result.tables.push({ table: 'fellows', rows: fellows });
    return result;
  }
}
