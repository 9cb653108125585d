import { Injectable } from '@nestjs/common';
import { Transactions } from '@vgbf/database';
import { ConsentLedger, ConsentRecorder, type ConsentEvidence, type Purpose } from '@vgbf/personal-data';
import { ConsentMissingError } from './consents.errors';
import { ConsentsService } from './consents.service';
import { standingHolders } from './data-access/consent-events';

/** The ConsentLedger port (@vgbf/personal-data) domain modules ask before a processing that needs a consent. */
@Injectable()
export class ConsentLedgerService extends ConsentLedger {
  constructor(private readonly transactions: Transactions) {
    super();
  }

  async has(userId: string, purpose: Purpose): Promise<boolean> {
    return (await this.holders([userId], purpose)).has(userId);
  }

  async require(userId: string, purpose: Purpose): Promise<void> {
    if (!(await this.has(userId, purpose))) throw new ConsentMissingError(purpose);
  }

  async holders(userIds: readonly string[], purpose: Purpose): Promise<Set<string>> {
    return new Set(await standingHolders(this.transactions.current(), [...new Set(userIds)], purpose));
  }
}

/** The ConsentRecorder port: consents given as an account is created, in the caller's transaction. */
@Injectable()
export class ConsentRecorderService extends ConsentRecorder {
  constructor(private readonly consents: ConsentsService) {
    super();
  }

  give(userId: string, purposes: readonly Purpose[], evidence: ConsentEvidence): Promise<void> {
    return this.consents.give(userId, purposes, evidence);
  }
}
