import type { ProblemParams } from '@vgbf/core';
import type { MatchingInfeasibility, PairObstacle } from '@vgbf/solvers';

/** A reason's code in the problem catalogue (matching.<kind>) and the values its words need. */
export interface ReasonCode {
  code: string;
  params: ProblemParams;
}

/** The rule a lock breaks, by its code. */
const LOCK_CODES: Record<PairObstacle, string> = {
  no_common_language: 'matching.lock_no_common_language',
  conflict: 'matching.lock_conflict',
  forbidden: 'matching.lock_forbidden',
  capacity: 'matching.lock_capacity',
};

/** Up to five names, then "…": the same in either language. */
const nameList = (names: string[]): string =>
  names.length > 5 ? `${names.slice(0, 5).join(', ')}…` : names.join(', ');

/**
 * Why no matching exists, as a catalogue code and params, so the web words it in the reader's
 * language (the `message` stays the API's English). Pure.
 */
export function matchingReasonCode(
  r: MatchingInfeasibility,
  fellowName: (id: string) => string,
  mentorName: (id: string) => string,
): ReasonCode {
  switch (r.kind) {
    case 'no_mentor':
      return r.why === 'no_common_language'
        ? { code: 'matching.no_common_language', params: { fellow: fellowName(r.fellowId) } }
        : {
            code: 'matching.no_mentor',
            params: { fellow: fellowName(r.fellowId), forbidden: r.forbidden, conflicted: r.conflicted, full: r.full },
          };
    case 'capacity':
      return { code: 'matching.capacity', params: { needed: r.needed, available: r.available } };
    case 'lock_invalid':
      return {
        code: LOCK_CODES[r.why],
        params: { fellow: fellowName(r.fellowId), mentor: mentorName(r.mentorId) },
      };
    case 'crowded':
      return {
        code: 'matching.crowded',
        params: {
          count: r.fellowIds.length,
          fellows: nameList(r.fellowIds.map(fellowName)),
          mentors: r.mentorIds.length,
          capacity: r.capacity,
        },
      };
  }
}

/** The code of a lock to a mentor who is inactive or not in the cohort (checked before the solver). */
export const lockUnavailableCode = (fellow: string): ReasonCode => ({
  code: 'matching.lock_unavailable',
  params: { fellow },
});
