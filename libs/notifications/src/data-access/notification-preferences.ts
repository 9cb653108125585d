import { runQuery, runQueryFirst, typedSql } from '@vgbf/database';
import { sql } from 'kysely';
import type { EntityManager } from 'typeorm';

export type PreferenceRow = { user_id: string; delivery: string; optional_emails: boolean };

/** The stored preferences of these people (those without a row are not returned). */
export function preferencesOf(manager: EntityManager, userIds: string[]): Promise<PreferenceRow[]> {
  return runQuery(
    manager,
    typedSql
      .selectFrom('notification_preferences')
      .select(['user_id', 'delivery', 'optional_emails'])
      .where(sql<boolean>`${sql.ref('user_id')} = ANY(${userIds}::uuid[])`),
  );
}

/** Writes a person's preferences (both, or only `optional_emails`), creating the row when there is none. */
export async function savePreferences(
  manager: EntityManager,
  userId: string,
  values: { delivery?: string; optional_emails: boolean },
  now: Date,
): Promise<void> {
  await runQuery(
    manager,
    typedSql
      .insertInto('notification_preferences')
      .values({ user_id: userId, ...values })
      .onConflict((oc) => oc.column('user_id').doUpdateSet({ ...values, updated_at: now })),
  );
}

export async function accountExists(manager: EntityManager, userId: string): Promise<boolean> {
  return (
    (await runQueryFirst(manager, typedSql.selectFrom('user_contacts_v').select('id').where('id', '=', userId))) !==
    undefined
  );
}

/**
 * Of these people, those who registered themselves or take part as fellows (applicants, fellows): their
 * optional emails rest on their consent to 'communications'. Invited reviewers, mentors and staff get
 * theirs as part of the role they accepted (they may still unsubscribe).
 */
export async function consentBasedRecipients(manager: EntityManager, userIds: string[]): Promise<string[]> {
  if (!userIds.length) return [];
  const rows = await runQuery(
    manager,
    typedSql
      .selectFrom('user_contacts_v')
      .select('id')
      .where(sql<boolean>`${sql.ref('id')} = ANY(${userIds}::uuid[])`)
      .where(sql<boolean>`${sql.ref('roles')} && ARRAY['applicant', 'fellow']::text[]`),
  );
  return rows.map((r) => r.id!);
}
