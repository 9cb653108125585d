import { Injectable } from '@nestjs/common';
import { CohortsService } from '@vgbf/cohorts';
import { Transactions } from '@vgbf/database';
import type { SelectionStatusView } from './dto/selection.dto';
import type { SelectionScoreKind } from './selection.types';

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
      db.query<
        Array<{
          id: string;
          status: string;
          score_kind: SelectionScoreKind;
          size: number;
          objective: number;
          created_at: Date;
          confirmed_at: Date | null;
        }>
      >(
        `SELECT id, status, input->>'scoreKind' AS score_kind, (input->>'size')::int AS size,
                (result->>'objective')::float8 AS objective, created_at, confirmed_at
           FROM selection_runs WHERE cohort_id = $1 ORDER BY created_at DESC`,
        [cohortId],
      ),
      db.query<
        Array<{
          id: string;
          application_id: string;
          full_name: string | null;
          status: string;
          expires_at: Date;
          responded_at: Date | null;
          replaced_by_offer_id: string | null;
          vacancy_settled_at: Date | null;
          created_at: Date;
        }>
      >(
        `SELECT o.id, o.application_id, a.full_name, o.status, o.expires_at, o.responded_at,
                o.replaced_by_offer_id, o.vacancy_settled_at, o.created_at
           FROM offers o JOIN application_review_v a ON a.id = o.application_id
          WHERE o.cohort_id = $1 ORDER BY o.created_at, o.id`,
        [cohortId],
      ),
      db.query<Array<{ application_id: string; full_name: string | null; rank: number; status: string }>>(
        `SELECT w.application_id, a.full_name, w.rank, w.status
           FROM waitlist_entries w JOIN application_review_v a ON a.id = w.application_id
          WHERE w.cohort_id = $1 ORDER BY w.rank`,
        [cohortId],
      ),
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
