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
 * What the reports module holds about a person, for their access export (issue 17): every column of its
 * tables declared (exported with its data category, or excluded with the reason), the person's rows read
 * with its own queries. Checked against the migrated schema by test/privacy/personal-data-schema.
 */
const TABLES: HeldTable[] = [
  {
    table: 'at_risk_acknowledgements',
    columns: {
      id: exported('programme'),
      fellow_id: exported('programme'),
      rule: exported('programme'),
      note: exported('programme'),
      acknowledged_by: exported('programme'),
      created_at: exported('programme'),
    },
  },
  {
    table: 'report_jobs',
    columns: {
      id: exported('account'),
      kind: exported('account'),
      format: exported('account'),
      cohort_id: exported('account'),
      status: exported('account'),
      progress: exported('account'),
      rows: exported('account'),
      storage_key: excluded("the internal storage address of a staff report (the report is the programme's, not the person's)"),
      filename: exported('account'),
      error: exported('account'),
      requested_by: exported('account'),
      created_at: exported('account'),
      finished_at: exported('account'),
    },
  },
];

@Injectable()
@PersonalDataHolderOf('reports')
export class ReportsHolder implements PersonalDataHolder {
  readonly tables = TABLES;

  async exportFor(manager: EntityManager, userId: string): Promise<PersonalDataExport> {
    const result: PersonalDataExport = { tables: [], files: [] };
    const atRiskAcknowledgements = await runQuery(
      manager,
      typedSql
        .selectFrom('at_risk_acknowledgements')
        .selectAll()
        .where((eb) => eb('fellow_id', 'in', typedSql.selectFrom('fellows_v').select('id').where('user_id', '=', userId))),
    );
    result.tables.push({ table: 'at_risk_acknowledgements', rows: atRiskAcknowledgements });
    const reportJobs = await runQuery(
      manager,
      typedSql
        .selectFrom('report_jobs')
        .selectAll()
        .where((eb) => eb('requested_by', '=', userId)),
    );
    result.tables.push({ table: 'report_jobs', rows: reportJobs });
    return result;
  }
}
