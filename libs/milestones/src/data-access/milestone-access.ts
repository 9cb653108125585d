import { runQueryFirst, typedSql } from '@vgbf/database';
import type { EntityManager } from 'typeorm';
import type { EvidenceKind, LocalizedText, MilestoneReviewer } from '../entities/milestone-template.entity';
import type { MilestoneState } from '../entities/milestone.entity';
import { activeMentor, day } from './sql-parts';

export interface MilestoneAccessRow {
  id: string;
  fellow_id: string;
  fellow_user_id: string;
  full_name: string;
  cohort_id: string;
  mentor_id: string | null;
  code: string;
  title: LocalizedText;
  state: MilestoneState;
  reviewer: MilestoneReviewer;
  evidence: EvidenceKind[];
  due_on: string;
}

/** A milestone with its fellow and the fellow's active mentor; `lock` takes FOR UPDATE OF the milestone. */
export function milestoneWithFellow(
  manager: EntityManager,
  id: string,
  lock: boolean,
): Promise<MilestoneAccessRow | undefined> {
  let query = typedSql
    .selectFrom('milestones as m')
    .innerJoin('fellows_v as f', 'f.id', 'm.fellow_id')
    .select((eb) => [
      'm.id',
      'm.fellow_id',
      'f.user_id as fellow_user_id',
      'f.full_name',
      'f.cohort_id',
      activeMentor(eb).as('mentor_id'),
      'm.code',
      eb.ref('m.title').$castTo<LocalizedText>().as('title'),
      'm.state',
      'm.reviewer',
      'm.evidence',
      day(eb.ref('m.due_on')).as('due_on'),
    ])
    .where('m.id', '=', id)
    .$narrowType<MilestoneAccessRow>();
  if (lock) query = query.forUpdate('m');
  return runQueryFirst(manager, query);
}
