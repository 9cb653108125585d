import { type AuthenticatedUser, NotFoundError } from '@vgbf/core';
import type { EntityManager } from 'typeorm';
import { pairWithFellow } from '../data-access/pairings';
import type { PairingStatus } from '../entities/pairing.entity';

/** How the caller stands to a pair: its mentor, its fellow, or staff looking on. */
export type PairSide = 'mentor' | 'fellow' | 'staff';

export interface PairAccess {
  pairingId: string;
  cohortId: string;
  status: PairingStatus;
  side: PairSide;
  mentorId: string;
  fellowId: string;
  fellowUserId: string;
  /** The fellow's programme year, calendar days in Vietnam. */
  fellowStartDate: string;
  fellowEndDate: string;
}

export const isStaff = (actor: AuthenticatedUser): boolean =>
  actor.roles.includes('staff') || actor.roles.includes('admin');

/**
 * The pair as the caller may touch it, or "not found": someone else's pair is a 404, not a 403,
 * so nobody learns which pairs exist. `lock` takes a share lock for the writer's transaction.
 */
export async function pairFor(
  manager: EntityManager,
  actor: AuthenticatedUser,
  pairingId: string,
  sides: PairSide[],
  lock = false,
): Promise<PairAccess> {
  const row = await pairWithFellow(manager, pairingId, lock);
  const side: PairSide | null = !row
    ? null
    : row.mentor_id === actor.id
      ? 'mentor'
      : row.fellow_user_id === actor.id
        ? 'fellow'
        : isStaff(actor)
          ? 'staff'
          : null;
  if (!row || !side || !sides.includes(side)) throw new NotFoundError('Pairing', pairingId);
  return {
    pairingId: row.id,
    cohortId: row.cohort_id,
    status: row.status,
    side,
    mentorId: row.mentor_id,
    fellowId: row.fellow_id,
    fellowUserId: row.fellow_user_id,
    fellowStartDate: row.start_date,
    fellowEndDate: row.end_date,
  };
}
