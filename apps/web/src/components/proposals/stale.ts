import { ApiError } from '../../api/client';

/** The conflicts that mean "this proposal is out of date": the inputs changed, or a newer run replaced it. */
const STALE_CODES = new Set(['proposal_stale', 'proposal_superseded']);

/** True when the API refused a proposal because it no longer matches the cohort: run it again. */
export function isStaleProposal(error: unknown): boolean {
  return error instanceof ApiError && STALE_CODES.has(error.code ?? '');
}
