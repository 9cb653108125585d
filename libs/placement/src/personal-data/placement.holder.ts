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
 * What the placement module holds about a person, for their access export (issue 17): every column of its
 * tables declared (exported with its data category, or excluded with the reason), the person's rows read
 * with its own queries. Checked against the migrated schema by test/privacy/personal-data-schema.
 */
const TABLES: HeldTable[] = [
  {
    table: 'placement_constraints',
    columns: {
      id: exported('programme'),
      cohort_id: exported('programme'),
      fellow_id: exported('programme'),
      hub_id: exported('programme'),
      kind: exported('programme'),
      note: exported('programme'),
      created_by: exported('programme'),
      created_at: exported('programme'),
    },
  },
];

@Injectable()
@PersonalDataHolderOf('placement')
export class PlacementHolder implements PersonalDataHolder {
  readonly tables = TABLES;

  async exportFor(manager: EntityManager, userId: string): Promise<PersonalDataExport> {
    const result: PersonalDataExport = { tables: [], files: [] };
    const placementConstraints = await runQuery(
      manager,
      typedSql
        .selectFrom('placement_constraints')
        .selectAll()
        .where((eb) =>
          eb('fellow_id', 'in', typedSql.selectFrom('fellows_v').select('id').where('user_id', '=', userId)),
        ),
    );
    result.tables.push({ table: 'placement_constraints', rows: placementConstraints });
    return result;
  }
}
