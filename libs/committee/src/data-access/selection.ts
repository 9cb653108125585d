import { runQuery, typedSql } from '@vgbf/database';
import { sql } from 'kysely';
import type { EntityManager } from 'typeorm';
import type { SelectionScoreKind } from '../selection/selection.types';

export interface SelectionRunSummaryRow {
  id: string;
  status: string;
  score_kind: SelectionScoreKind;
  size: number;
  objective: number;
  created_at: Date;
  confirmed_at: Date | null;
}

/** A cohort's selection proposals, newest first: their score kind, size and objective. */
export function selectionRunSummaries(manager: EntityManager, cohortId: string): Promise<SelectionRunSummaryRow[]> {
  return runQuery(
    manager,
    typedSql
      .selectFrom('selection_runs')
      .select((eb) => [
        'id',
        'status',
        sql<SelectionScoreKind>`${eb.ref('input')}->>'scoreKind'`.as('score_kind'),
        sql<number>`(${eb.ref('input')}->>'size')::int`.as('size'),
        sql<number>`(${eb.ref('result')}->>'objective')::float8`.as('objective'),
        'created_at',
        'confirmed_at',
      ])
      .where('cohort_id', '=', cohortId)
      .orderBy('created_at', 'desc'),
  );
}

export interface CohortOfferRow {
  id: string;
  application_id: string;
  full_name: string | null;
  status: string;
  expires_at: Date;
  responded_at: Date | null;
  replaced_by_offer_id: string | null;
  vacancy_settled_at: Date | null;
  created_at: Date;
}

/** A cohort's offers with the applicant's name, in the order they were made. */
export function cohortOffers(manager: EntityManager, cohortId: string): Promise<CohortOfferRow[]> {
  return runQuery(
    manager,
    typedSql
      .selectFrom('offers as o')
      .innerJoin('application_review_v as a', 'a.id', 'o.application_id')
      .select([
        'o.id',
        'o.application_id',
        'a.full_name',
        'o.status',
        'o.expires_at',
        'o.responded_at',
        'o.replaced_by_offer_id',
        'o.vacancy_settled_at',
        'o.created_at',
      ])
      .where('o.cohort_id', '=', cohortId)
      .orderBy('o.created_at')
      .orderBy('o.id'),
  );
}

/** A cohort's waitlist with the applicants' names, in rank order. */
export function cohortWaitlist(
  manager: EntityManager,
  cohortId: string,
): Promise<Array<{ application_id: string; full_name: string | null; rank: number; status: string }>> {
  return runQuery(
    manager,
    typedSql
      .selectFrom('waitlist_entries as w')
      .innerJoin('application_review_v as a', 'a.id', 'w.application_id')
      .select(['w.application_id', 'a.full_name', 'w.rank', 'w.status'])
      .where('w.cohort_id', '=', cohortId)
      .orderBy('w.rank'),
  );
}

export interface InterviewedRow {
  id: string;
  full_name: string | null;
  region: string | null;
  gender: string | null;
  sector: string | null;
  hubs: string[];
  interview: Record<string, number> | null;
}

/** A cohort's interviewed applications with their attributes and interview scores, by id. */
export function interviewedApplications(manager: EntityManager, cohortId: string): Promise<InterviewedRow[]> {
  return runQuery(
    manager,
    typedSql
      .selectFrom('application_review_v as a')
      .leftJoin('interviews as i', 'i.application_id', 'a.id')
      .select([
        'a.id',
        'a.full_name',
        'a.region',
        'a.gender',
        'a.sector',
        'a.hub_preferences as hubs',
        'i.scores as interview',
      ])
      .where('a.cohort_id', '=', cohortId)
      .where('a.status', '=', 'interviewed')
      .orderBy('a.id')
      .$castTo<InterviewedRow>(),
  );
}
