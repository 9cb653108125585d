import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApplicationTransitions } from '@vgbf/applications';
import { AuditService } from '@vgbf/audit';
import { type AuthenticatedUser, Clock, NotFoundError, toProgramLocal } from '@vgbf/core';
import { type ApplicationLanguages, FellowsService } from '@vgbf/fellows';
import { Transactions } from '@vgbf/database';
import { DataSource, type EntityManager } from 'typeorm';
import type { OfferView } from './dto/offer.dto';
import { Offer } from './offer.entity';
import { OfferExpiredError, OfferNotPendingError } from './offers.errors';
import type { SelectionRun } from '../selection/selection-run.entity';
import { SeatReplacement } from './seat-replacement';

interface OfferRow {
  id: string;
  application_id: string;
  cohort_id: string;
  cohort_name: string;
  status: Offer['status'];
  expires_at: Date;
  responded_at: Date | null;
  created_at: Date;
}

const OFFER_VIEW_SQL = `
  SELECT o.id, o.application_id, o.cohort_id, c.name AS cohort_name, o.status, o.expires_at, o.responded_at, o.created_at
    FROM offers o JOIN application_review_v a ON a.id = o.application_id JOIN cohort_headers_v c ON c.id = o.cohort_id`;

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
    @InjectDataSource() private readonly db: DataSource,
    private readonly transitions: ApplicationTransitions,
    private readonly seats: SeatReplacement,
    private readonly fellows: FellowsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly transactions: Transactions,
  ) {}

  async mine(actor: AuthenticatedUser): Promise<OfferView[]> {
    const rows = await this.db.query<OfferRow[]>(
      `${OFFER_VIEW_SQL} WHERE a.applicant_id = $1 ORDER BY o.created_at DESC`,
      [actor.id],
    );
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
    const [a] = await manager.query<
      Array<{
        cohort_id: string;
        applicant_id: string;
        full_name: string;
        gender: string | null;
        province: string | null;
        region: string | null;
        enterprise_name: string | null;
        sector: string | null;
        languages: ApplicationLanguages;
        hub_preferences: string[];
      }>
    >(
      `SELECT a.cohort_id, a.applicant_id, coalesce(a.full_name, u.full_name) AS full_name,
              a.gender, a.province, a.region, a.enterprise_name, a.sector, a.languages, a.hub_preferences
         FROM application_review_v a JOIN user_contacts_v u ON u.id = a.applicant_id WHERE a.id = $1`,
      [applicationId],
    );
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
    const [row] = await manager.query<OfferRow[]>(`${OFFER_VIEW_SQL} WHERE o.id = $1 AND a.applicant_id = $2`, [
      id,
      actor.id,
    ]);
    if (!row) throw new NotFoundError('Offer', id);
    return row;
  }
}
