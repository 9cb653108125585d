import { runQuery, runQueryFirst, typedSql } from '@vgbf/database';
import type { EntityManager } from 'typeorm';

/** How to address a person (identity's user_contacts_v). */
export interface Recipient {
  email: string;
  full_name: string;
  language: 'vi' | 'en';
}

const contacts = () =>
  typedSql.selectFrom('user_contacts_v').select(['email', 'full_name', 'language']).$narrowType<Recipient>();

/** One person to write to. */
export function recipient(manager: EntityManager, userId: string): Promise<Recipient | undefined> {
  return runQueryFirst(manager, contacts().where('id', '=', userId));
}

/**
 * Who reviews a fellow's evidence: the active mentor when `mentorId` is given, and the programme team's
 * staff when `staff` — never the fellow themself; by email.
 */
export function evidenceReviewers(
  manager: EntityManager,
  fellowUserId: string,
  mentorId: string | null,
  staff: boolean,
): Promise<Recipient[]> {
  return runQuery(
    manager,
    contacts()
      .where('id', '<>', fellowUserId)
      .where((eb) =>
        eb.or([
          ...(mentorId !== null ? [eb('id', '=', mentorId)] : []),
          ...(staff ? [eb(eb.val('staff'), '=', eb.fn.any('roles'))] : []),
          eb.lit(false),
        ]),
      )
      .orderBy('email'),
  );
}
