import { runQuery, runQueryFirst, typedSql } from '@vgbf/database';
import { type NotNull, sql } from 'kysely';
import type { EntityManager } from 'typeorm';
import type { ApplicationStatus, Region } from '../entities/application.entity';
import type { ExportRow } from '../export-columns';
import {
  type ApplicationFilters,
  type ApplicationsA,
  applicationFilters,
  eligibilityOf,
  field,
} from './application-filters';

/** A cohort's applications with the staff filters. */
const filtered = (filters: ApplicationFilters) =>
  typedSql.selectFrom('applications as a').where(applicationFilters(filters));

/** The staff list's order (newest submissions first, drafts last); the export keeps it. */
const inStaffOrder = (query: ReturnType<typeof filtered>) =>
  query
    .orderBy('a.submitted_at', (ob) => ob.desc().nullsLast())
    .orderBy('a.created_at', 'desc')
    .orderBy('a.id');

/** One page of the filtered list, each row carrying how many rows match (the window count, as text). */
export function applicationPage(
  manager: EntityManager,
  filters: ApplicationFilters,
  page: { pageSize: number; offset: number },
) {
  return runQuery(
    manager,
    inStaffOrder(filtered(filters))
      .select((eb) => [
        'a.id',
        'a.status',
        field(eb, 'a.personal', 'fullName').as('full_name'),
        field(eb, 'a.enterprise', 'name').as('enterprise_name'),
        field(eb, 'a.enterprise', 'sector').as('sector'),
        'a.region',
        'a.hub_preferences',
        'a.submitted_at',
        sql<string>`count(*) OVER ()`.as('total'),
      ])
      .limit(page.pageSize)
      .offset(page.offset)
      .$narrowType<{ status: ApplicationStatus; region: Region | null }>(),
  );
}

/** How many applications match the filters (as text, as count(*) comes from the driver). */
export async function applicationCount(manager: EntityManager, filters: ApplicationFilters): Promise<string> {
  const row = await runQueryFirst(
    manager,
    filtered(filters).select((eb) => eb.fn.countAll<string>().as('total')),
  );
  return row?.total ?? '0';
}

/** How many of a cohort's applications are in each status. */
export function statusCounts(manager: EntityManager, cohortId: string) {
  return runQuery(
    manager,
    typedSql
      .selectFrom('applications')
      .select(['status', sql<number>`count(*)::int`.as('n')])
      .where('cohort_id', '=', cohortId)
      .groupBy('status')
      .$narrowType<{ status: ApplicationStatus }>(),
  );
}

/**
 * The export's query (every filtered row in the staff order, as ExportRow), compiled for a cursor. The
 * e-mail comes by a key lookup per exported row, so an export reads its own cohort's applicants, not
 * the whole users table.
 */
export function exportQuery(filters: ApplicationFilters): { sql: string; parameters: readonly unknown[] } {
  const personal = (eb: ApplicationsA, key: string) => field(eb, 'a.personal', key);
  const enterprise = (eb: ApplicationsA, key: string) => field(eb, 'a.enterprise', key);
  return inStaffOrder(filtered(filters))
    .select((eb) => [
      'a.id',
      'a.status',
      personal(eb, 'fullName').as('full_name'),
      eb.selectFrom('user_contacts_v as u').select('u.email').whereRef('u.id', '=', 'a.applicant_id').as('email'),
      personal(eb, 'phone').as('phone'),
      personal(eb, 'province').as('province'),
      'a.region',
      personal(eb, 'gender').as('gender'),
      personal(eb, 'dateOfBirth').as('date_of_birth'),
      enterprise(eb, 'name').as('enterprise_name'),
      enterprise(eb, 'taxCode').as('tax_code'),
      enterprise(eb, 'sector').as('sector'),
      sql<number | null>`${eb.ref('a.enterprise')}->'foundingYear'`.as('founding_year'),
      enterprise(eb, 'employeesBand').as('employees_band'),
      enterprise(eb, 'revenueBand').as('revenue_band'),
      'a.hub_preferences',
      'a.submitted_at',
      eligibilityOf(eb).as('eligibility'),
    ])
    .$narrowType<{ status: ApplicationStatus; region: Region | null; email: NotNull }>()
    .$assertType<ExportRow>()
    .compile();
}
