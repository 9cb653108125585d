import { runQuery, typedSql } from '@vgbf/database';
import { sql } from 'kysely';
import type { EntityManager } from 'typeorm';
import type { LocalizedText, MilestoneReviewer } from '../entities/milestone-template.entity';
import type { MilestoneStatus } from '../milestone-status';
import { activeMentor, day, statusOn } from './sql-parts';

export interface ReviewQueueRow {
  side: 'mentor' | 'staff';
  milestone_id: string;
  fellow_id: string;
  fellow_name: string;
  cohort_id: string;
  code: string;
  title: LocalizedText;
  reviewer: MilestoneReviewer;
  due_on: string;
  status: MilestoneStatus;
  submission_id: string;
  version: number;
  submitted_at: Date;
}

/**
 * Submitted milestones whose latest submission waits for a side the user holds: as the active mentor
 * (mentor/both milestones) and, when `staff`, as staff (staff/both); never the user's own, and not
 * once that side decided on that version. Oldest submission first.
 */
export function reviewQueue(
  manager: EntityManager,
  query: { userId: string; staff: boolean; today: string; cohortId: string | null },
): Promise<ReviewQueueRow[]> {
  return runQuery(
    manager,
    typedSql
      .with('waiting', (db) => {
        let waiting = db
          .selectFrom('milestones as m')
          .innerJoin('fellows_v as f', 'f.id', 'm.fellow_id')
          .innerJoinLateral(
            (eb) =>
              eb
                .selectFrom('milestone_submissions as ls')
                .select(['ls.id', 'ls.version', 'ls.created_at'])
                .whereRef('ls.milestone_id', '=', 'm.id')
                .orderBy('ls.version', 'desc')
                .limit(1)
                .as('s'),
            (join) => join.onTrue(),
          )
          .select((eb) => [
            'm.id',
            'm.fellow_id',
            'm.code',
            eb.ref('m.title').$castTo<LocalizedText>().as('title'),
            'm.reviewer',
            'm.state',
            'm.due_on',
            'f.full_name',
            'f.cohort_id',
            activeMentor(eb).as('mentor_id'),
            's.id as submission_id',
            's.version',
            's.created_at as submission_at',
          ])
          .where('m.state', '=', 'submitted')
          .where('f.user_id', '<>', query.userId);
        if (query.cohortId !== null) waiting = waiting.where('f.cohort_id', '=', query.cohortId);
        return waiting;
      })
      .with('sides', (db) =>
        db
          .selectFrom('waiting as w')
          .select(sql<'mentor' | 'staff'>`'mentor'`.as('side'))
          .selectAll('w')
          .where('w.reviewer', 'in', ['mentor', 'both'])
          .where('w.mentor_id', '=', query.userId)
          .unionAll(
            db
              .selectFrom('waiting as w')
              .select(sql<'mentor' | 'staff'>`'staff'`.as('side'))
              .selectAll('w')
              .where('w.reviewer', 'in', ['staff', 'both'])
              .where(sql<boolean>`${query.staff}::boolean`),
          ),
      )
      .selectFrom('sides as x')
      .select((eb) => [
        'x.side',
        'x.id as milestone_id',
        'x.fellow_id',
        'x.full_name as fellow_name',
        'x.cohort_id',
        'x.code',
        'x.title',
        'x.reviewer',
        day(eb.ref('x.due_on')).as('due_on'),
        statusOn(eb.ref('x.state'), eb.ref('x.due_on'), query.today).as('status'),
        'x.submission_id',
        'x.version',
        'x.submission_at as submitted_at',
      ])
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('milestone_reviews as r')
              .select(sql<number>`1`.as('one'))
              .whereRef('r.submission_id', '=', 'x.submission_id')
              .whereRef('r.reviewer_role', '=', 'x.side'),
          ),
        ),
      )
      .orderBy('x.submission_at')
      .orderBy('x.id')
      .orderBy('x.side')
      .$narrowType<ReviewQueueRow>(),
  );
}
