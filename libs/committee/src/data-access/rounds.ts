import { runQuery, runQueryFirst, typedSql } from '@vgbf/database';
import { sql } from 'kysely';
import type { EntityManager } from 'typeorm';

/** Copies a cohort's round settings and rubric to another cohort that has none; whether it copied. */
export async function copyRound(manager: EntityManager, fromId: string, toId: string): Promise<boolean> {
  const copied = await runQuery(
    manager,
    typedSql
      .insertInto('review_rounds')
      .columns(['cohort_id', 'rubric', 'reviewers_per_application', 'disagreement_gap'])
      .expression((eb) =>
        eb
          .selectFrom('review_rounds')
          .select([
            sql<string>`${toId}::uuid`.as('cohort_id'),
            'rubric',
            'reviewers_per_application',
            'disagreement_gap',
          ])
          .where('cohort_id', '=', fromId),
      )
      .onConflict((oc) => oc.column('cohort_id').doNothing())
      .returning('cohort_id'),
  );
  return copied.length > 0;
}

/** Assignments without a submitted review, on applications still under review. */
export async function missingReviews(manager: EntityManager, cohortId: string): Promise<number> {
  const row = await runQueryFirst(
    manager,
    typedSql
      .selectFrom('review_assignments as a')
      .innerJoin('applications_blind_v as app', (join) =>
        join.onRef('app.id', '=', 'a.application_id').on('app.status', '=', 'under_review'),
      )
      .select(sql<number>`count(*)::int`.as('n'))
      .where('a.cohort_id', '=', cohortId)
      .where((eb) =>
        eb.not(
          eb.exists(eb.selectFrom('reviews as r').select('r.assignment_id').whereRef('r.assignment_id', '=', 'a.id')),
        ),
      ),
  );
  return row?.n ?? 0;
}
