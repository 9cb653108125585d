import { Injectable } from '@nestjs/common';
import { CohortsService } from '@vgbf/cohorts';
import { Transactions } from '@vgbf/database';
import { cohortOffers, cohortWaitlist, selectionRunSummaries } from '../data-access/selection';
import type { SelectionStatusView } from './dto/selection.dto';

/** Where a cohort's selection stands, for the staff page: its proposals, the offers and the waitlist. */
@Injectable()
export class SelectionStatus {
  constructor(
    private readonly transactions: Transactions,
    private readonly cohorts: CohortsService,
  ) {}

  async view(cohortId: string): Promise<SelectionStatusView> {
    await this.cohorts.get(cohortId);
    const db = this.transactions.current();
    const [proposals, offers, waitlist] = await Promise.all([
      selectionRunSummaries(db, cohortId),
      cohortOffers(db, cohortId),
      cohortWaitlist(db, cohortId),
    ]);
    const confirmed = proposals.find((p) => p.status === 'confirmed');
    return {
      proposals: proposals.map((p) => ({
        id: p.id,
        status: p.status,
        scoreKind: p.score_kind,
        size: p.size,
        objective: p.objective,
        createdAt: p.created_at.toISOString(),
        confirmedAt: p.confirmed_at?.toISOString() ?? null,
      })),
      confirmedRunId: confirmed?.id ?? null,
      size: confirmed?.size ?? null,
      seatsHeld: offers.filter((o) => o.status === 'pending' || o.status === 'accepted').length,
      offers: offers.map((o) => ({
        id: o.id,
        applicationId: o.application_id,
        fullName: o.full_name,
        status: o.status,
        expiresAt: o.expires_at.toISOString(),
        respondedAt: o.responded_at?.toISOString() ?? null,
        replacedByOfferId: o.replaced_by_offer_id,
        seatLeftOpen: o.vacancy_settled_at !== null && o.replaced_by_offer_id === null,
        createdAt: o.created_at.toISOString(),
      })),
      waitlist: waitlist.map((w) => ({
        applicationId: w.application_id,
        fullName: w.full_name,
        rank: w.rank,
        status: w.status,
      })),
    };
  }
}
