import { runQuery, runQueryFirst, typedSql } from '@vgbf/database';
import { type NotNull, sql } from 'kysely';
import type { EntityManager } from 'typeorm';

/** The applicant's contact details as staff see them: the name and phone given in the form, else the account's. */
export function applicantContact(manager: EntityManager, applicationId: string) {
  return runQueryFirst(
    manager,
    typedSql
      .selectFrom('applications as a')
      .innerJoin('user_contacts_v as u', 'u.id', 'a.applicant_id')
      .select((eb) => [
        sql<string>`coalesce(nullif(${eb.ref('a.personal')}->>'fullName', ''), ${eb.ref('u.full_name')})`.as(
          'full_name',
        ),
        'u.email',
        sql<string | null>`nullif(${eb.ref('a.personal')}->>'phone', '')`.as('phone'),
        'u.language',
      ])
      .where('a.id', '=', applicationId)
      .$narrowType<{ email: NotNull; language: NotNull }>(),
  );
}

/** The application's row locked FOR UPDATE, if it exists. */
export function lockApplicationRow(manager: EntityManager, applicationId: string) {
  return runQueryFirst(
    manager,
    typedSql.selectFrom('applications').select('id').where('id', '=', applicationId).forUpdate(),
  );
}

const notesWithAuthor = () =>
  typedSql
    .selectFrom('application_notes as n')
    .innerJoin('user_contacts_v as u', 'u.id', 'n.author_id')
    .select(['n.id', 'n.body', 'n.author_id', 'u.full_name as author_name', 'n.created_at'])
    .$narrowType<{ author_name: NotNull }>();

export type NoteRow = NonNullable<Awaited<ReturnType<typeof noteById>>>;

/** One note with its author's name. */
export function noteById(manager: EntityManager, noteId: string) {
  return runQueryFirst(manager, notesWithAuthor().where('n.id', '=', noteId));
}

/** The application's notes with their authors' names, newest first. */
export function notesOf(manager: EntityManager, applicationId: string) {
  return runQuery(
    manager,
    notesWithAuthor().where('n.application_id', '=', applicationId).orderBy('n.created_at', 'desc').orderBy('n.id'),
  );
}

/** The application's tags, alphabetically. */
export async function tagsOf(manager: EntityManager, applicationId: string): Promise<string[]> {
  const rows = await runQuery(
    manager,
    typedSql.selectFrom('application_tags').select('tag').where('application_id', '=', applicationId).orderBy('tag'),
  );
  return rows.map((r) => r.tag);
}

export async function deleteTags(manager: EntityManager, applicationId: string, tags: string[]): Promise<void> {
  await runQuery(
    manager,
    typedSql
      .deleteFrom('application_tags')
      .where('application_id', '=', applicationId)
      .where('tag', '=', sql<string>`ANY(${tags})`),
  );
}
