import { Injectable } from '@nestjs/common';
import { ApplicationTransitions } from '@vgbf/applications';
import { AuditService } from '@vgbf/audit';
import { type AuthenticatedUser, Clock, NotFoundError, toProgramLocal } from '@vgbf/core';
import { FellowsService } from '@vgbf/fellows';
import { Transactions } from '@vgbf/database';
import type { EntityManager } from 'typeorm';
import { type OfferRow, admissionSnapshot, offersOfApplicant } from '../data-access/offers';
import type { OfferView } from './dto/offer.dto';
import { Offer } from './offer.entity';
import { OfferExpiredError, OfferNotPendingError } from './offers.errors';
import type { SelectionRun } from '../selection/selection-run.entity';
import { SeatReplacement } from './seat-replacement';

const toView = (r: OfferRow): OfferView => ({
  id: r.id,
  applicationId: r.application_id,
  cohortId: r.cohort_id,
  cohortName: r.cohort_name,
  status: r.status,
  expiresAt: r.expires_at.toISOString(),
  expiresAtLocal: toProgramLocal(r.expires_at),
  respondedAt: r.responded_at?.toISOString() ?? null,
  createdAt: r.created_at.toISOString(),
});

/** The applicant's side of an offer: see it, accept it or decline it before it expires. */
@Injectable()
export class OffersService {
  constructor(
    private readonly transitions: ApplicationTransitions,
    private readonly seats: SeatReplacement,
    private readonly fellows: FellowsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly transactions: Transactions,
  ) {}

  async mine(actor: AuthenticatedUser): Promise<OfferView[]> {
    const rows = await offersOfApplicant(this.transactions.current(), actor.id);
    return rows.map(toView);
  }

  async accept(actor: AuthenticatedUser, id: string): Promise<OfferView> {
    return this.respond(actor, id, 'accepted');
  }

  /** Declines, then offers the freed seat to the best waitlisted candidate who fits, in the same transaction. */
  async decline(actor: AuthenticatedUser, id: string): Promise<OfferView> {
    return this.respond(actor, id, 'declined');
  }

  private async respond(actor: AuthenticatedUser, id: string, answer: 'accepted' | 'declined'): Promise<OfferView> {
    const now = this.clock.now();
    return this.transactions.run(async (manager) => {
      const owned = await this.owned(manager, actor, id);
      const run = await this.seats.lockRun(manager, owned.cohort_id);
      const offer = await this.seats.lockOffer(manager, id);
      if (!run || !offer) throw new NotFoundError('Offer', id);
      if (offer.status !== 'pending') throw new OfferNotPendingError(offer.status);
      if (offer.expiresAt <= now) throw new OfferExpiredError(offer.expiresAt);

      const app = await this.transitions.lock(manager, offer.applicationId);
      await this.transitions.move(manager, app, answer, actor.id, `Offer ${answer}`);
      if (answer === 'accepted') await this.admit(manager, run, offer.applicationId);
      offer.status = answer;
      offer.respondedAt = now;
      await manager.getRepository(Offer).update({ id }, { status: answer, respondedAt: now });
      await this.audit.record(manager, actor, {
        action: `offer.${answer}`,
        entityType: 'offer',
        entityId: id,
        before: { status: 'pending' },
        after: { status: answer, applicationId: offer.applicationId },
      });
      if (answer === 'declined') await this.seats.fill(manager, run, offer, now);
      return toView(await this.owned(manager, actor, id));
    });
  }

  /** The hand-off to the programme year: the accepted application's snapshot becomes a fellow. */
  private async admit(manager: EntityManager, run: SelectionRun, applicationId: string): Promise<void> {
    const a = await admissionSnapshot(manager, applicationId);
    if (!a) throw new NotFoundError('Application', applicationId);
    const scored = [...run.result.selected, ...run.result.waitlist].find((c) => c.applicationId === applicationId);
    await this.fellows.admit(manager, {
      cohortId: a.cohort_id,
      userId: a.applicant_id,
      applicationId,
      fullName: a.full_name,
      gender: a.gender,
      region: a.region,
      province: a.province,
      enterpriseName: a.enterprise_name,
      sector: a.sector,
      languages: a.languages,
      hubPreferences: a.hub_preferences,
      selectionScore: scored?.score ?? null,
    });
  }

  /** The actor's own offer; anyone else's is "not found" (no discovery of offer ids). */
  private async owned(manager: EntityManager, actor: AuthenticatedUser, id: string): Promise<OfferRow> {
    const [row] = await offersOfApplicant(manager, actor.id, id);
    if (!row) throw new NotFoundError('Offer', id);
    return row;
  }
}
