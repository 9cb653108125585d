import type { DataCategory, Purpose } from './purposes';

/**
 * What a domain module asks before a processing that needs a consent (DESIGN.md: privacy imports no
 * domain lib; domain libs import this infrastructure lib and get the privacy module's implementation
 * injected). Calls run inside the caller's transaction when there is one.
 */
export abstract class ConsentLedger {
  /** Whether the person's consent to the purpose stands now (given under a notice version, not withdrawn). */
  abstract has(userId: string, purpose: Purpose): Promise<boolean>;
  /** Throws a DomainError `consent_missing` (kind conflict, details.purpose) when the consent does not stand. */
  abstract require(userId: string, purpose: Purpose): Promise<void>;
  /** Of these people, those whose consent to the purpose stands (one query). */
  abstract holders(userIds: readonly string[], purpose: Purpose): Promise<Set<string>>;
}

/** A person's data made available to a party abroad: one row of the transfer register. */
export interface TransferRecord {
  subjectUserId: string;
  /** What made it happen, e.g. 'placement' / 'pairing', and its id: a second record of the same is a no-op. */
  sourceKind: string;
  sourceId: string;
  /** The cohort the transfer belongs to, for the register's filter (privacy reads no domain table). */
  cohortId?: string | null;
  recipientKind: 'hub' | 'hub_partner' | 'mentor';
  /** The hub's or partner's or mentor's name as shown to staff. */
  recipientName: string;
  /** ISO 3166-1 alpha-2 country of the recipient. */
  country: string;
  categories: readonly DataCategory[];
  /** The legal basis, e.g. 'consent' (the 'abroad' purpose) or 'contract'. */
  basis: 'consent' | 'contract' | 'legal_obligation';
}

export abstract class TransferRegister {
  abstract record(transfer: TransferRecord): Promise<void>;
}

/** Someone opened a person's full application or downloaded one of their documents. */
export interface AccessRecord {
  actorUserId: string;
  subjectUserId: string;
  resource: 'application' | 'document';
  resourceId: string;
}

export abstract class AccessLog {
  abstract record(access: AccessRecord): Promise<void>;
}
