import { type Database, runQuery, runQueryFirst, typedSql } from '@vgbf/database';
import { sql, type Updateable } from 'kysely';
import type { EntityManager } from 'typeorm';
import type { FellowStatus, LanguageCertificate } from '../entities/fellow.entity';

export interface FellowRow {
  id: string;
  cohort_id: string;
  cohort_name: string;
  user_id: string;
  full_name: string;
  email: string;
  gender: string | null;
  region: string | null;
  province: string | null;
  enterprise_name: string | null;
  sector: string | null;
  languages: string[];
  language_certificates: LanguageCertificate[];
  hub_preferences: string[];
  selection_score: number | null;
  goals: string[];
  start_date: string;
  end_date: string;
  hub_id: string | null;
  hub_code: string | null;
  hub_name: string | null;
  hub_name_vi: string | null;
  hub_city: string | null;
  hub_time_zone: string | null;
  placed_at: Date | null;
  status: FellowStatus;
}

/** A day column as YYYY-MM-DD. */
const day = (column: 'f.start_date' | 'f.end_date' | 'start_date' | 'end_date') =>
  sql<string>`to_char(${sql.ref(column)}, 'YYYY-MM-DD')`;

/** Fellows with their cohort's name, their email and their hub. */
const fellows = () =>
  typedSql
    .selectFrom('fellows as f')
    .innerJoin('cohort_programme_v as c', 'c.id', 'f.cohort_id')
    .innerJoin('user_contacts_v as u', 'u.id', 'f.user_id')
    .leftJoin('hubs_v as h', 'h.id', 'f.hub_id')
    .select([
      'f.id',
      'f.cohort_id',
      'c.name as cohort_name',
      'f.user_id',
      'f.full_name',
      'u.email',
      'f.gender',
      'f.region',
      'f.province',
      'f.enterprise_name',
      'f.sector',
      'f.languages',
      'f.language_certificates',
      'f.hub_preferences',
      'f.selection_score',
      'f.goals',
      day('f.start_date').as('start_date'),
      day('f.end_date').as('end_date'),
      'f.hub_id',
      'h.code as hub_code',
      'h.name as hub_name',
      'h.name_vi as hub_name_vi',
      'h.city as hub_city',
      'h.time_zone as hub_time_zone',
      'f.placed_at',
      'f.status',
    ])
    .$castTo<FellowRow>();

/** A cohort's fellows (only the active ones with `activeOnly`), by name. */
export function fellowsOfCohort(manager: EntityManager, cohortId: string, activeOnly: boolean): Promise<FellowRow[]> {
  let query = fellows().where('f.cohort_id', '=', cohortId);
  if (activeOnly) query = query.where('f.status', '=', 'active');
  return runQuery(manager, query.orderBy('f.full_name').orderBy('f.id'));
}

export function fellowById(manager: EntityManager, id: string): Promise<FellowRow | undefined> {
  return runQueryFirst(manager, fellows().where('f.id', '=', id));
}

/** A person's fellow records, newest cohort first. */
export function fellowsOfUser(manager: EntityManager, userId: string): Promise<FellowRow[]> {
  return runQuery(manager, fellows().where('f.user_id', '=', userId).orderBy('f.start_date', 'desc'));
}

/** What the selection hands over, as stored. */
export interface AdmittedValues {
  user_id: string;
  application_id: string;
  full_name: string;
  gender: string | null;
  region: string | null;
  province: string | null;
  enterprise_name: string | null;
  sector: string | null;
  languages: string[];
  language_certificates: LanguageCertificate[];
  hub_preferences: string[];
  selection_score: number | null;
}

/**
 * The fellow record of an application, its year from the cohort's programme (start date + track months
 * - 1 day); an application admitted before keeps its record. Undefined for an unknown cohort.
 */
export async function admitFellow(
  manager: EntityManager,
  cohortId: string,
  v: AdmittedValues,
): Promise<string | undefined> {
  const row = await runQueryFirst(
    manager,
    typedSql
      .insertInto('fellows')
      .columns([
        'cohort_id',
        'user_id',
        'application_id',
        'full_name',
        'gender',
        'region',
        'province',
        'enterprise_name',
        'sector',
        'languages',
        'language_certificates',
        'hub_preferences',
        'selection_score',
        'start_date',
        'end_date',
      ])
      .expression(
        typedSql
          .selectFrom('cohort_programme_v as c')
          .select((eb) => [
            'c.id',
            eb.val(v.user_id).as('user_id'),
            eb.val(v.application_id).as('application_id'),
            eb.val(v.full_name).as('full_name'),
            eb.val(v.gender).as('gender'),
            eb.val(v.region).as('region'),
            eb.val(v.province).as('province'),
            eb.val(v.enterprise_name).as('enterprise_name'),
            eb.val(v.sector).as('sector'),
            eb.val(v.languages).as('languages'),
            sql`${JSON.stringify(v.language_certificates)}::jsonb`.as('language_certificates'),
            eb.val(v.hub_preferences).as('hub_preferences'),
            eb.val(v.selection_score).as('selection_score'),
            'c.programme_start_date',
            sql`(${sql.ref('c.programme_start_date')} + make_interval(months => ${sql.ref('c.track_months')}) - interval '1 day')::date`.as(
              'end_date',
            ),
          ])
          .where('c.id', '=', cohortId),
      )
      .onConflict((oc) => oc.column('application_id').doUpdateSet({ updated_at: (eb) => eb.ref('fellows.updated_at') }))
      .returning('id'),
  );
  return row?.id;
}

export async function fellowOwnedBy(manager: EntityManager, fellowId: string, userId: string): Promise<boolean> {
  const row = await runQueryFirst(
    manager,
    typedSql
      .selectFrom('fellows')
      .select(sql<number>`1`.as('one'))
      .where('id', '=', fellowId)
      .where('user_id', '=', userId),
  );
  return row !== undefined;
}

/** Places fellows at hubs. */
export async function placeFellows(
  manager: EntityManager,
  placements: Array<{ fellow_id: string; hub_id: string }>,
  at: Date,
): Promise<void> {
  const p = sql<{
    fellow_id: string;
    hub_id: string;
  }>`jsonb_to_recordset(${JSON.stringify(placements)}::jsonb)`.as<'p'>(sql`p(fellow_id uuid, hub_id uuid)`);
  await runQuery(
    manager,
    typedSql
      .updateTable('fellows as f')
      .from(p)
      .set((eb) => ({ hub_id: eb.ref('p.hub_id'), placed_at: at, updated_at: at }))
      .whereRef('f.id', '=', 'p.fellow_id'),
  );
}

/** The fellow's row, locked FOR UPDATE, with what a change depends on; undefined when there is none. */
export function lockFellow(
  manager: EntityManager,
  id: string,
): Promise<
  { user_id: string; start_date: string; end_date: string; status: FellowStatus; goals: string[] } | undefined
> {
  return runQueryFirst(
    manager,
    typedSql
      .selectFrom('fellows')
      .select(['user_id', day('start_date').as('start_date'), day('end_date').as('end_date'), 'status', 'goals'])
      .where('id', '=', id)
      .forUpdate()
      .$narrowType<{ status: FellowStatus }>(),
  );
}

export async function updateFellow(
  manager: EntityManager,
  id: string,
  values: Updateable<Database['fellows']>,
): Promise<void> {
  await runQuery(manager, typedSql.updateTable('fellows').set(values).where('id', '=', id));
}

/** The cohort's active fellows' rows, locked FOR UPDATE in ascending id; their ids. */
export async function lockActiveFellowRows(manager: EntityManager, cohortId: string): Promise<string[]> {
  const rows = await runQuery(
    manager,
    typedSql
      .selectFrom('fellows')
      .select('id')
      .where('cohort_id', '=', cohortId)
      .where('status', '=', 'active')
      .orderBy('id')
      .forUpdate(),
  );
  return rows.map((r) => r.id);
}
