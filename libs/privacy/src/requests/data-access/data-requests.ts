import { type Database, runQuery, runQueryFirst, typedSql } from '@vgbf/database';
import { type Expression, type InferResult, type Insertable, type RawBuilder, type Updateable, sql } from 'kysely';
import type { EntityManager } from 'typeorm';

/** A date column as YYYY-MM-DD (a typed reference, so renaming it fails the build). */
const day = (column: Expression<Date | null>): RawBuilder<string> => sql<string>`to_char(${column}, 'YYYY-MM-DD')`;

const withPerson = () =>
  typedSql
    .selectFrom('data_requests as r')
    .leftJoin('user_contacts_v as u', 'u.id', 'r.subject_user_id')
    .select((eb) => [
      'r.id',
      'r.subject_user_id',
      'r.kind',
      'r.channel',
      'r.details',
      'r.processor_must_act',
      'r.state',
      'r.filed_by',
      'r.received_at',
      day(eb.ref('r.received_on')).as('received_on'),
      day(eb.ref('r.acknowledge_by')).as('acknowledge_by'),
      day(eb.ref('r.due_on')).as('due_on'),
      'r.acknowledged_at',
      'r.extension_days',
      'r.extension_reason',
      'r.extended_at',
      'r.closed_at',
      'r.answer',
      'u.full_name as person_name',
      'u.email as person_email',
      'u.language as person_language',
    ]);

export type DataRequestRow = InferResult<ReturnType<typeof withPerson>>[number];

export async function insertDataRequest(
  manager: EntityManager,
  values: Insertable<Database['data_requests']>,
): Promise<string> {
  const [row] = await runQuery(manager, typedSql.insertInto('data_requests').values(values).returning('id'));
  return row.id;
}

/** The request with its person, locked for the transition that follows when `lock`. */
export async function dataRequestById(
  manager: EntityManager,
  id: string,
  lock = false,
): Promise<DataRequestRow | undefined> {
  if (lock) await runQuery(manager, typedSql.selectFrom('data_requests').select('id').where('id', '=', id).forUpdate());
  return runQueryFirst(manager, withPerson().where('r.id', '=', id));
}

export async function updateDataRequest(
  manager: EntityManager,
  id: string,
  values: Updateable<Database['data_requests']>,
): Promise<void> {
  await runQuery(manager, typedSql.updateTable('data_requests').set(values).where('id', '=', id));
}

/** One person's requests, newest first. */
export function dataRequestsOf(manager: EntityManager, userId: string): Promise<DataRequestRow[]> {
  return runQuery(
    manager,
    withPerson().where('r.subject_user_id', '=', userId).orderBy('r.received_at', 'desc').orderBy('r.id').limit(200),
  );
}

export interface QueueFilter {
  states: readonly string[];
  kind?: string;
}

/** The staff queue: requests in these states (of this kind), the nearest deadline first. */
export function dataRequestQueue(manager: EntityManager, filter: QueueFilter): Promise<DataRequestRow[]> {
  let query = withPerson().where('r.state', 'in', [...filter.states]);
  if (filter.kind) query = query.where('r.kind', '=', filter.kind);
  return runQuery(manager, query.orderBy('r.due_on').orderBy('r.received_at').limit(500));
}

/**
 * Open requests whose current deadline (acknowledgement while received, completion after) falls in
 * [from, to]: the reminder family's items.
 */
export function openRequestsDueBetween(
  manager: EntityManager,
  [from, to]: [string, string],
): Promise<DataRequestRow[]> {
  return runQuery(
    manager,
    withPerson()
      .where('r.state', 'in', ['received', 'acknowledged', 'in_progress'])
      .where((eb) =>
        eb.or([
          eb.and([
            eb('r.state', '=', 'received'),
            eb('r.acknowledge_by', '>=', sql<Date>`${from}::date`),
            eb('r.acknowledge_by', '<=', sql<Date>`${to}::date`),
          ]),
          eb.and([
            eb('r.state', '!=', 'received'),
            eb('r.due_on', '>=', sql<Date>`${from}::date`),
            eb('r.due_on', '<=', sql<Date>`${to}::date`),
          ]),
        ]),
      ),
  );
}

export interface StaffMember {
  id: string;
  email: string;
  full_name: string;
  language: string;
  staff: boolean;
}

/** Active staff and admins who receive the queue's reminders and escalations. */
export async function requestHandlers(manager: EntityManager): Promise<StaffMember[]> {
  const rows = await runQuery(
    manager,
    typedSql
      .selectFrom('user_contacts_v')
      .select(['id', 'email', 'full_name', 'language', 'roles'])
      .where('deactivated_at', 'is', null)
      .where((eb) =>
        eb.or([eb(eb.val('staff'), '=', eb.fn.any('roles')), eb(eb.val('admin'), '=', eb.fn.any('roles'))]),
      )
      .orderBy('id'),
  );
  return rows.map((r) => ({
    id: r.id!,
    email: r.email!,
    full_name: r.full_name ?? '',
    language: r.language ?? 'vi',
    staff: (r.roles ?? []).includes('staff'),
  }));
}

/** Whether the person exists (a staff request on someone's behalf names a real account). */
export async function personExists(manager: EntityManager, userId: string): Promise<boolean> {
  return !!(await runQueryFirst(manager, typedSql.selectFrom('user_contacts_v').select('id').where('id', '=', userId)));
}
