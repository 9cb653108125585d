import { type AuthenticatedUser, NotFoundError } from '@vgbf/core';
import type { EntityManager } from 'typeorm';
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
  const [row] = await manager.query<
    Array<{
      id: string;
      cohort_id: string;
      status: PairingStatus;
      mentor_id: string;
      fellow_id: string;
      fellow_user_id: string;
      start_date: string;
      end_date: string;
    }>
  >(
    `SELECT p.id, p.cohort_id, p.status, p.mentor_id, p.fellow_id, f.user_id AS fellow_user_id,
            to_char(f.start_date, 'YYYY-MM-DD') AS start_date, to_char(f.end_date, 'YYYY-MM-DD') AS end_date
       FROM pairings p JOIN fellows_v f ON f.id = p.fellow_id
      WHERE p.id = $1 ${lock ? 'FOR SHARE OF p' : ''}`,
    [pairingId],
  );
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
