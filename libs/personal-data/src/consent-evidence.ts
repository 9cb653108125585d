import type { Purpose } from './purposes';

/** How a consent reached the system: the proof the law asks for besides the time and the notice version. */
export interface ConsentEvidence {
  /** registration: the sign-up form; account: the person's account page; staff: on the person's behalf; seed: demo data. */
  channel: 'registration' | 'account' | 'staff' | 'seed';
  /** The device: the browser's User-Agent as sent (null when none). */
  userAgent: string | null;
  /** Who recorded it: the person, or the staff member acting for them (defaults to the person). */
  recordedBy?: string;
}

/**
 * Records consents given when an account is created (registration, demo seeder), under each purpose's
 * current notice, inside the caller's transaction. Provided by libs/privacy; identity uses it so the
 * consents of the registration form commit with the account.
 */
export abstract class ConsentRecorder {
  abstract give(userId: string, purposes: readonly Purpose[], evidence: ConsentEvidence): Promise<void>;
}
