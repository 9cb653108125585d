import { runQuery, runQueryFirst, typedSql } from '@vgbf/database';
import type { Language } from '@vgbf/identity';
import { type NotNull, sql } from 'kysely';
import type { EntityManager } from 'typeorm';

/** Messages with their sender's name and their email's delivery state (outbox's view; 'done' once purged). */
const messages = () =>
  typedSql
    .selectFrom('application_messages as m')
    .innerJoin('user_contacts_v as u', 'u.id', 'm.sent_by')
    .leftJoin('outbox_deliveries_v as o', 'o.id', 'm.outbox_id')
    .select((eb) => [
      'm.id',
      'm.template',
      'm.language',
      'm.subject',
      'm.body',
      'u.full_name as sender_name',
      'm.created_at',
      eb.fn.coalesce('o.status', sql.lit('done')).as('delivery'),
    ])
    .$narrowType<{ sender_name: NotNull }>();

export type MessageRow = NonNullable<Awaited<ReturnType<typeof messageById>>>;

/** The application's messages, newest first. */
export function messagesOf(manager: EntityManager, applicationId: string) {
  return runQuery(
    manager,
    messages().where('m.application_id', '=', applicationId).orderBy('m.created_at', 'desc').orderBy('m.id'),
  );
}

/** The message sent with this Idempotency-Key, if any. */
export function messageByKey(manager: EntityManager, applicationId: string, idempotencyKey: string) {
  return runQueryFirst(
    manager,
    messages().where('m.application_id', '=', applicationId).where('m.idempotency_key', '=', idempotencyKey),
  );
}

export function messageById(manager: EntityManager, id: string) {
  return runQueryFirst(manager, messages().where('m.id', '=', id));
}

/** Logs one message; its id. */
export async function insertMessage(
  manager: EntityManager,
  values: {
    application_id: string;
    template: string;
    language: string;
    subject: string;
    body: string;
    sent_by: string;
    outbox_id: string;
    idempotency_key: string | null;
  },
): Promise<string> {
  const [row] = await runQuery(manager, typedSql.insertInto('application_messages').values(values).returning('id'));
  return row.id;
}

/** A user's name (identity's user_contacts_v). */
export async function userName(manager: EntityManager, userId: string): Promise<string | undefined> {
  const row = await runQueryFirst(
    manager,
    typedSql.selectFrom('user_contacts_v').select('full_name').where('id', '=', userId),
  );
  return row?.full_name ?? undefined;
}

/** The applicant of an application and its cohort; `lock` takes FOR UPDATE OF the application. */
export function messageRecipient(manager: EntityManager, applicationId: string, lock: boolean) {
  let query = typedSql
    .selectFrom('applications as a')
    .innerJoin('user_contacts_v as u', 'u.id', 'a.applicant_id')
    .innerJoin('cohort_headers_v as c', 'c.id', 'a.cohort_id')
    .select(['u.full_name', 'u.email', 'u.language', 'c.name as cohort', 'c.application_closes_at as closes_at'])
    .where('a.id', '=', applicationId)
    .$narrowType<{ full_name: NotNull; email: NotNull; language: Language; cohort: NotNull; closes_at: NotNull }>();
  if (lock) query = query.forUpdate('a');
  return runQueryFirst(manager, query);
}
