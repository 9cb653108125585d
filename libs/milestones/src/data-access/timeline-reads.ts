import { runQuery, runQueryFirst, typedSql } from '@vgbf/database';
import { jsonBuildObject } from 'kysely/helpers/postgres';
import { sql } from 'kysely';
import type { EntityManager } from 'typeorm';
import type { MilestoneReviewView, MilestoneView, SubmissionView } from '../dto/milestone.dto';
import type { EvidenceKind, LocalizedText, MilestoneReviewer } from '../entities/milestone-template.entity';
import type { MilestoneState } from '../entities/milestone.entity';
import type { MilestoneStatus } from '../milestone-status';
import { activeMentor, day, statusOn } from './sql-parts';

export interface FellowRow {
  id: string;
  cohort_id: string;
  user_id: string;
  full_name: string;
  start_date: string;
  end_date: string;
  mentor_id: string | null;
}

export interface MilestoneRow {
  id: string;
  fellow_id: string;
  code: string;
  position: number;
  title: LocalizedText;
  description: LocalizedText;
  evidence: EvidenceKind[];
  reviewer: MilestoneReviewer;
  pillars: MilestoneView['pillars'];
  base_due_on: string;
  extension_days: number;
  due_on: string;
  state: MilestoneState;
  status: MilestoneStatus;
  waived_reason: string | null;
  submitted_at: Date | null;
  approved_at: Date | null;
  submission:
    | (Omit<SubmissionView, 'file'> & { filename: string | null; sizeBytes: number | null; sha256: string | null })
    | null;
  reviews: MilestoneReviewView[];
}

const fellows = () =>
  typedSql
    .selectFrom('fellows_v as f')
    .select((eb) => [
      'f.id',
      'f.cohort_id',
      'f.user_id',
      'f.full_name',
      day(eb.ref('f.start_date')).as('start_date'),
      day(eb.ref('f.end_date')).as('end_date'),
      activeMentor(eb).as('mentor_id'),
    ])
    .$narrowType<FellowRow>();

/** The user's fellow rows (one per programme year), newest first, with their active mentor. */
export function fellowsOfUser(manager: EntityManager, userId: string): Promise<FellowRow[]> {
  return runQuery(manager, fellows().where('f.user_id', '=', userId).orderBy('f.start_date', 'desc').orderBy('f.id'));
}

/** One fellow with their active mentor. */
export function fellowById(manager: EntityManager, fellowId: string): Promise<FellowRow | undefined> {
  return runQueryFirst(manager, fellows().where('f.id', '=', fellowId));
}

/** The fellow's milestones with their status on `today`, latest submission and its reviews; by position. */
export function milestonesOfFellow(manager: EntityManager, fellowId: string, today: string): Promise<MilestoneRow[]> {
  return runQuery(
    manager,
    typedSql
      .selectFrom('milestones as m')
      .leftJoinLateral(
        (eb) =>
          eb
            .selectFrom('milestone_submissions as s')
            .select((eb) => [
              's.id',
              jsonBuildObject({
                id: eb.ref('s.id'),
                version: eb.ref('s.version'),
                text: eb.ref('s.text'),
                link: eb.ref('s.link'),
                filename: eb.ref('s.filename'),
                sizeBytes: eb.ref('s.size_bytes'),
                sha256: eb.ref('s.sha256'),
                submittedAt: eb.ref('s.created_at'),
              }).as('submission'),
            ])
            .whereRef('s.milestone_id', '=', 'm.id')
            .orderBy('s.version', 'desc')
            .limit(1)
            .as('s'),
        (join) => join.onTrue(),
      )
      .leftJoinLateral(
        (eb) =>
          eb
            .selectFrom('milestone_reviews as r')
            .select((eb) =>
              eb.fn
                .agg<MilestoneReviewView[]>('jsonb_agg', [
                  jsonBuildObject({
                    decision: eb.ref('r.decision'),
                    comment: eb.ref('r.comment'),
                    reviewerRole: eb.ref('r.reviewer_role'),
                    reviewedAt: eb.ref('r.created_at'),
                  }),
                ])
                .orderBy('r.created_at')
                .orderBy('r.id')
                .as('reviews'),
            )
            .whereRef('r.submission_id', '=', 's.id')
            .as('r'),
        (join) => join.onTrue(),
      )
      .select((eb) => [
        'm.id',
        'm.fellow_id',
        'm.code',
        'm.position',
        eb.ref('m.title').$castTo<LocalizedText>().as('title'),
        eb.ref('m.description').$castTo<LocalizedText>().as('description'),
        'm.evidence',
        'm.reviewer',
        'm.pillars',
        day(eb.ref('m.base_due_on')).as('base_due_on'),
        'm.extension_days',
        day(eb.ref('m.due_on')).as('due_on'),
        'm.state',
        statusOn(eb.ref('m.state'), eb.ref('m.due_on'), today).as('status'),
        'm.waived_reason',
        'm.submitted_at',
        'm.approved_at',
        's.submission',
        eb.fn.coalesce('r.reviews', sql<MilestoneReviewView[]>`'[]'::jsonb`).as('reviews'),
      ])
      .where('m.fellow_id', '=', fellowId)
      .orderBy('m.position')
      .orderBy('m.code')
      .$narrowType<MilestoneRow>(),
  );
}
