import { type Database, runQuery, runQueryFirst, typedSql } from '@vgbf/database';
import { type Expression, type ExpressionBuilder, sql, type SqlBool } from 'kysely';
import type { EntityManager } from 'typeorm';

export interface TransferRow {
  id: string;
  subjectUserId: string;
  subjectName: string | null;
  cohortId: string | null;
  cohortName: string | null;
  sourceKind: string;
  sourceId: string;
  recipientKind: string;
  recipientName: string;
  country: string;
  categories: string[];
  basis: string;
  transferredAt: string;
}

export interface TransferFilters {
  cohortId?: string;
  country?: string;
  recipientKind?: string;
  subjectUserId?: string;
}

/** Records a transfer; the same source recorded again changes nothing (the first record stands). */
export async function insertTransfer(
  manager: EntityManager,
  values: {
    subject_user_id: string;
    cohort_id: string | null;
    source_kind: string;
    source_id: string;
    recipient_kind: string;
    recipient_name: string;
    country: string;
    categories: string[];
    basis: string;
    transferred_at: Date;
  },
): Promise<void> {
  await runQuery(
    manager,
    typedSql
      .insertInto('personal_data_transfers')
      .values(values)
      .onConflict((oc) => oc.columns(['source_kind', 'source_id']).doNothing()),
  );
}

type Transfers = ExpressionBuilder<Database & { t: Database['personal_data_transfers'] }, 't'>;

const filtered = (f: TransferFilters) => (eb: Transfers) => {
  const where: Array<Expression<SqlBool>> = [];
  if (f.cohortId) where.push(eb('t.cohort_id', '=', f.cohortId));
  if (f.country) where.push(eb('t.country', '=', f.country));
  if (f.recipientKind) where.push(eb('t.recipient_kind', '=', f.recipientKind));
  if (f.subjectUserId) where.push(eb('t.subject_user_id', '=', f.subjectUserId));
  return eb.and(where);
};

const iso = sql<string>`to_char(t.transferred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

const newestFirst = (f: TransferFilters) =>
  typedSql
    .selectFrom('personal_data_transfers as t')
    .leftJoin('user_contacts_v as u', 'u.id', 't.subject_user_id')
    .leftJoin('cohort_headers_v as c', 'c.id', 't.cohort_id')
    .where(filtered(f))
    .select([
      't.id',
      't.subject_user_id as subjectUserId',
      'u.full_name as subjectName',
      't.cohort_id as cohortId',
      'c.name as cohortName',
      't.source_kind as sourceKind',
      't.source_id as sourceId',
      't.recipient_kind as recipientKind',
      't.recipient_name as recipientName',
      't.country',
      't.categories',
      't.basis',
      iso.as('transferredAt'),
    ])
    .orderBy('t.transferred_at', 'desc')
    .orderBy('t.id', 'desc')
    .$castTo<TransferRow>();

/** One page of the register, newest first, with the person and the cohort named; and how many rows match. */
export async function transferPage(
  manager: EntityManager,
  f: TransferFilters,
  page: { limit: number; offset: number },
): Promise<{ rows: TransferRow[]; total: number }> {
  const [rows, counted] = await Promise.all([
    runQuery(manager, newestFirst(f).limit(page.limit).offset(page.offset)),
    runQueryFirst(
      manager,
      typedSql
        .selectFrom('personal_data_transfers as t')
        .where(filtered(f))
        .select(sql<string>`count(*)`.as('n')),
    ),
  ]);
  return { rows, total: Number(counted?.n ?? 0) };
}

/** Every row the filters select (the CSV export): the register is a few rows per fellow a year. */
export function allTransfers(manager: EntityManager, f: TransferFilters): Promise<TransferRow[]> {
  return runQuery(manager, newestFirst(f));
}

/** The countries in the register, for the page's filter. */
export async function transferCountries(manager: EntityManager): Promise<string[]> {
  const rows = await runQuery(
    manager,
    typedSql.selectFrom('personal_data_transfers').select('country').distinct().orderBy('country'),
  );
  return rows.map((r) => r.country);
}
