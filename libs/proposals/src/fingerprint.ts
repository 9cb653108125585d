import { createHash } from 'node:crypto';

/**
 * What a proposal stands on, as one short digest: SHA-256 of the JSON of `value`, base64url.
 * Stored with a run at proposal time and compared at confirmation (see `isStale`). The same value
 * (the same keys in the same order) always gives the same digest, so proposals stored before the
 * kernel existed keep their fingerprints.
 */
export function fingerprint(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('base64url');
}

/** A run is stale when what it was computed from has changed since (its fingerprint no longer matches). */
export function isStale(stored: string | undefined, current: string): boolean {
  return stored !== current;
}
