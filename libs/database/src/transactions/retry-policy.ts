/**
 * Which failures of a whole transaction are worth running it again, and how long to wait first.
 * PostgreSQL aborts one of two transactions that wait on each other (40P01 deadlock_detected) or whose
 * snapshot can no longer be serialised (40001 serialization_failure); run again from the start, the
 * loser usually succeeds. Anything else (a domain error, a unique violation, bad SQL) is not retried.
 */
export const RETRYABLE_SQLSTATES: Readonly<Record<string, string>> = {
  '40P01': 'deadlock_detected',
  '40001': 'serialization_failure',
};

export interface RetryPolicy {
  /** Runs of the transaction in all, the first included. */
  maxAttempts: number;
  /** The wait before retry n is a random value in [base·2^(n−1)/2, base·2^(n−1)], capped at maxDelayMs. */
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 4, baseDelayMs: 20, maxDelayMs: 500 };

/** The SQLSTATE of a failed query, whether TypeORM wrapped it (QueryFailedError.driverError) or not. */
export function sqlState(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { code, driverError } = error as { code?: unknown; driverError?: { code?: unknown } };
  const state = typeof driverError?.code === 'string' ? driverError.code : code;
  return typeof state === 'string' ? state : undefined;
}

export function isRetryable(error: unknown): boolean {
  const state = sqlState(error);
  return state !== undefined && state in RETRYABLE_SQLSTATES;
}

/** Jittered exponential backoff ("equal jitter"): two losers of the same deadlock do not collide again in step. */
export function retryDelayMs(retry: number, policy: RetryPolicy = DEFAULT_RETRY_POLICY, random = Math.random): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
