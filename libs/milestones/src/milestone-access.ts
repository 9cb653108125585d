import { type AuthenticatedUser, NotFoundError } from '@vgbf/core';
import type { EntityManager } from 'typeorm';
import { milestoneWithFellow } from './data-access/milestone-access';
import type { EvidenceKind, LocalizedText, MilestoneReviewer } from './entities/milestone-template.entity';
import type { MilestoneState } from './entities/milestone.entity';

/** How the caller stands to a milestone: its fellow, the fellow's active mentor, or staff. */
export type MilestoneSide = 'fellow' | 'mentor' | 'staff';

export interface MilestoneAccess {
  id: string;
  fellowId: string;
  fellowUserId: string;
  fellowName: string;
  cohortId: string;
  /** The fellow's mentor in an active pairing, if any. */
  mentorId: string | null;
  code: string;
  title: LocalizedText;
  state: MilestoneState;
  reviewer: MilestoneReviewer;
  evidence: EvidenceKind[];
  dueOn: string;
  /** Every side the caller holds (a staff member may also be the mentor). */
  sides: MilestoneSide[];
}

export const isStaff = (actor: AuthenticatedUser): boolean =>
  actor.roles.includes('staff') || actor.roles.includes('admin');

/** The sides a user holds towards one fellow. */
export function sidesOf(
  actor: AuthenticatedUser,
  fellow: { fellowUserId: string; mentorId: string | null },
): MilestoneSide[] {
  const sides: MilestoneSide[] = [];
  if (fellow.fellowUserId === actor.id) sides.push('fellow');
  if (fellow.mentorId !== null && fellow.mentorId === actor.id) sides.push('mentor');
  if (isStaff(actor)) sides.push('staff');
  return sides;
}

/**
 * The milestone as the caller may touch it, or "not found": someone else's milestone is a 404, so
 * nobody learns which exist. `lock` locks the milestone row for the caller's transaction.
 */
export async function milestoneFor(
  manager: EntityManager,
  actor: AuthenticatedUser,
  id: string,
  lock = false,
): Promise<MilestoneAccess> {
  const row = await milestoneWithFellow(manager, id, lock);
  const sides = row ? sidesOf(actor, { fellowUserId: row.fellow_user_id, mentorId: row.mentor_id }) : [];
  if (!row || sides.length === 0) throw new NotFoundError('Milestone', id);
  return {
    id: row.id,
    fellowId: row.fellow_id,
    fellowUserId: row.fellow_user_id,
    fellowName: row.full_name,
    cohortId: row.cohort_id,
    mentorId: row.mentor_id,
    code: row.code,
    title: row.title,
    state: row.state,
    reviewer: row.reviewer,
    evidence: row.evidence,
    dueOn: row.due_on,
    sides,
  };
}
