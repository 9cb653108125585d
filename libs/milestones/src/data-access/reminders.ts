import { runQuery, runQueryFirst, typedSql } from '@vgbf/database';
import { type Expression, sql } from 'kysely';
import type { EntityManager } from 'typeorm';
import type { MilestoneAudience } from '../reminders/milestone-chain';
import { day } from './sql-parts';

export type ReminderTargetRow = {
  milestone_id: string;
  code: string;
  title: { vi: string; en: string };
  due_on: string;
  fellow_id: string;
  fellow_name: string;
  cohort_id: string;
  audience: MilestoneAudience;
  user_id: string;
  email: string;
  full_name: string;
  language: 'vi' | 'en';
};

/** For each audience, the due dates (inclusive) whose chain may reach it; null when none does. */
export type DueWindows = Record<MilestoneAudience, readonly [string, string] | null>;

/**
 * Remindable milestones (`states`) of active fellows (fellows' active_fellows_v), with each recipient
 * the audience's window admits: the fellow, their active mentor (mentoring's active_pairings_v) and
 * every verified staff account (identity's user_contacts_v). By due date, fellow, code, audience, email.
 */
export function reminderTargetRows(
  manager: EntityManager,
  query: { states: readonly string[]; cohortId: string | null; windows: DueWindows },
): Promise<ReminderTargetRow[]> {
  const open = Object.values(query.windows).filter((w): w is readonly [string, string] => w !== null);
  if (!open.length) return Promise.resolve([]);
  const first = open.map(([from]) => from).sort()[0];
  const last = open
    .map(([, to]) => to)
    .sort()
    .at(-1)!;
  const within = (audience: MilestoneAudience) => (dueOn: Expression<Date>) => {
    const w = query.windows[audience];
    return w ? sql<boolean>`${dueOn} BETWEEN ${w[0]}::date AND ${w[1]}::date` : sql<boolean>`false`;
  };
  return runQuery(
    manager,
    typedSql
      .with('ms', (db) => {
        let ms = db
          .selectFrom('milestones as m')
          .innerJoin('active_fellows_v as f', 'f.id', 'm.fellow_id')
          .select([
            'm.id as milestone_id',
            'm.code',
            'm.title',
            'm.due_on',
            'f.id as fellow_id',
            'f.full_name as fellow_name',
            'f.user_id as fellow_user_id',
            'f.cohort_id',
          ])
          .where('m.state', 'in', [...query.states])
          .where('m.due_on', '>=', sql<Date>`${first}::date`)
          .where('m.due_on', '<=', sql<Date>`${last}::date`);
        if (query.cohortId !== null) ms = ms.where('f.cohort_id', '=', query.cohortId);
        return ms;
      })
      .with('recipients', (db) =>
        db
          .selectFrom('ms')
          .select(['ms.milestone_id', sql<MilestoneAudience>`'fellow'`.as('audience'), 'ms.fellow_user_id as user_id'])
          .where((eb) => within('fellow')(eb.ref('ms.due_on')))
          .unionAll(
            db
              .selectFrom('ms')
              .innerJoin('active_pairings_v as p', 'p.fellow_id', 'ms.fellow_id')
              .select(['ms.milestone_id', sql<MilestoneAudience>`'mentor'`.as('audience'), 'p.mentor_id as user_id'])
              .where((eb) => within('mentor')(eb.ref('ms.due_on'))),
          )
          .unionAll(
            db
              .selectFrom('ms')
              .innerJoin('user_contacts_v as u', (join) =>
                join
                  .on((eb) => eb(eb.val('staff'), '=', eb.fn.any('u.roles')))
                  .on('u.email_verified_at', 'is not', null),
              )
              .select(['ms.milestone_id', sql<MilestoneAudience>`'staff'`.as('audience'), 'u.id as user_id'])
              .where((eb) => within('staff')(eb.ref('ms.due_on'))),
          ),
      )
      .selectFrom('ms')
      .innerJoin('recipients as r', 'r.milestone_id', 'ms.milestone_id')
      .innerJoin('user_contacts_v as u', 'u.id', 'r.user_id')
      .select((eb) => [
        'ms.milestone_id',
        'ms.code',
        'ms.title',
        day(eb.ref('ms.due_on')).as('due_on'),
        'ms.fellow_id',
        'ms.fellow_name',
        'ms.cohort_id',
        'r.audience',
        'r.user_id',
        'u.email',
        'u.full_name',
        'u.language',
      ])
      .orderBy('ms.due_on')
      .orderBy('ms.fellow_name')
      .orderBy('ms.code')
      .orderBy('r.audience')
      .orderBy('u.email')
      .$narrowType<ReminderTargetRow>(),
  );
}

/** The cohort's milestones among `ids`, with their fellow (fellows_v). */
export function cohortMilestones(
  manager: EntityManager,
  cohortId: string,
  ids: string[],
): Promise<
  Array<{
    milestone_id: string;
    code: string;
    title: { vi: string; en: string };
    fellow_id: string;
    fellow_name: string;
  }>
> {
  return runQuery(
    manager,
    typedSql
      .selectFrom('milestones as m')
      .innerJoin('fellows_v as f', (join) => join.onRef('f.id', '=', 'm.fellow_id').on('f.cohort_id', '=', cohortId))
      .select(['m.id as milestone_id', 'm.code', 'm.title', 'f.id as fellow_id', 'f.full_name as fellow_name'])
      .where((eb) => eb('m.id', '=', eb.fn.any(sql<string[]>`${ids}::uuid[]`)))
      .$narrowType<{
        milestone_id: string;
        code: string;
        title: { vi: string; en: string };
        fellow_id: string;
        fellow_name: string;
      }>(),
  );
}

/** People's names (identity's user_contacts_v). */
export function namesOf(manager: EntityManager, ids: string[]): Promise<Array<{ id: string; full_name: string }>> {
  return runQuery(
    manager,
    typedSql
      .selectFrom('user_contacts_v')
      .select(['id', 'full_name'])
      .where((eb) => eb('id', '=', eb.fn.any(sql<string[]>`${ids}::uuid[]`)))
      .$narrowType<{ id: string; full_name: string }>(),
  );
}

/** Whether the cohort exists (cohorts' cohort_headers_v). */
export async function cohortExists(manager: EntityManager, cohortId: string): Promise<boolean> {
  const row = await runQueryFirst(
    manager,
    typedSql
      .selectFrom('cohort_headers_v')
      .select(sql<number>`1`.as('one'))
      .where('id', '=', cohortId),
  );
  return row !== undefined;
}
