import { createHash } from 'node:crypto';

/** How the identity module stores tokens (SHA-256 hex), to find a token's row from the emailed link. */
export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');
