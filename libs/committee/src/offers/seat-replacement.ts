import { Injectable, Logger } from '@nestjs/common';
import { ApplicationTransitions } from '@vgbf/applications';
import { AuditService } from '@vgbf/audit';
import { OutboxService } from '@vgbf/outbox';
import { type SelectionCandidate, replacementFor } from '@vgbf/solvers';
import type { EntityManager } from 'typeorm';
import { cohortSelectionTerms } from '../data-access/cohorts';
import { candidateAttributes, dropLeftWaitlist, seatHolders, waitingList } from '../data-access/offers';
import { SelectionRun } from '../selection/selection-run.entity';
import { Offer } from './offer.entity';
import { WaitlistEntry } from './waitlist-entry.entity';
import { OfferMail, offerExpiry } from './offer-mail';

/** An offer that no longer holds a seat. */
const VACATED: ReadonlyArray<Offer['status']> = ['declined', 'expired'];

/**
 * Gives a freed seat to the best waitlisted candidate who keeps every constraint of the confirmed
 * selection (shares, hub capacities), automatically and once per freed seat.
 *
 * Callers lock in one order — the cohort's confirmed run, then the offer, then the application — so
 * concurrent declines and the expiry job queue up on the run instead of deadlocking, and each sees
 * the seats the previous one left.
 */
@Injectable()
export class SeatReplacement {
  private readonly logger = new Logger(SeatReplacement.name);

  constructor(
    private readonly transitions: ApplicationTransitions,
    private readonly mail: OfferMail,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
  ) {}

  /** The cohort's confirmed run, locked for the rest of the transaction (null before confirmation). */
  lockRun(manager: EntityManager, cohortId: string): Promise<SelectionRun | null> {
    return manager
      .getRepository(SelectionRun)
      .findOne({ where: { cohortId, status: 'confirmed' }, lock: { mode: 'pessimistic_write' } });
  }

  lockOffer(manager: EntityManager, id: string): Promise<Offer | null> {
    return manager.getRepository(Offer).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /**
   * Settles the seat `vacated` freed: offers it to the first waitlisted candidate who fits, or records
   * that nobody does. Does nothing when the seat was already settled. The run and the offer must be
   * locked by the caller. Returns the new offer, or null.
   */
  async fill(manager: EntityManager, run: SelectionRun, vacated: Offer, now: Date): Promise<Offer | null> {
    if (!VACATED.includes(vacated.status) || vacated.vacancySettledAt) return null;
    const cohortId = run.cohortId;
    // Waitlisted candidates who withdrew or were rejected since leave the queue.
    await dropLeftWaitlist(manager, cohortId, now);
    const keptIds = await seatHolders(manager, cohortId);
    const waitlist = await waitingList(manager, cohortId);
    const choice =
      keptIds.length < run.input.size && waitlist.length
        ? replacementFor(
            {
              candidates: await this.candidates(manager, run, [...keptIds, ...waitlist]),
              size: run.input.size,
              hubCapacities: run.input.hubCapacities,
              shares: run.input.shares,
            },
            keptIds,
            waitlist,
          )
        : null;

    if (!choice) {
      await manager.getRepository(Offer).update({ id: vacated.id }, { vacancySettledAt: now });
      vacated.vacancySettledAt = now;
      await this.audit.record(manager, null, {
        action: 'offer.seat_unfilled',
        entityType: 'offer',
        entityId: vacated.id,
        after: { seatsHeld: keptIds.length, size: run.input.size, waiting: waitlist.length },
        reason:
          keptIds.length >= run.input.size
            ? 'No seat is open.'
            : 'No waitlisted candidate keeps every constraint of the confirmed selection.',
      });
      this.logger.log({ cohortId, vacated: vacated.id }, 'Freed seat left open: no waitlisted candidate fits');
      return null;
    }

    const app = await this.transitions.lock(manager, choice.id);
    await this.transitions.move(manager, app, 'offered', null, `A seat freed by offer ${vacated.id}`);
    const expiresAt = offerExpiry(now, await this.responseDays(manager, cohortId));
    const offer = await manager.getRepository(Offer).save({
      applicationId: choice.id,
      cohortId,
      runId: run.id,
      status: 'pending',
      expiresAt,
    });
    await manager.getRepository(WaitlistEntry).update({ applicationId: choice.id }, { status: 'offered' });
    await manager
      .getRepository(Offer)
      .update({ id: vacated.id }, { vacancySettledAt: now, replacedByOfferId: offer.id });
    vacated.vacancySettledAt = now;
    vacated.replacedByOfferId = offer.id;
    const to = (await this.mail.recipients(manager, [choice.id])).get(choice.id);
    if (to) await this.outbox.enqueueEmail(manager, this.mail.message('offer', to, expiresAt));
    await this.audit.record(manager, null, {
      action: 'offer.replacement_made',
      entityType: 'offer',
      entityId: offer.id,
      before: { vacatedOfferId: vacated.id, vacatedApplicationId: vacated.applicationId },
      after: { applicationId: choice.id, expiresAt: expiresAt.toISOString(), placement: choice.placement },
      reason: `The best waitlisted candidate who keeps every constraint takes the seat offer ${vacated.id} freed.`,
    });
    return offer;
  }

  /** The solver's view of these applications: their attributes now, their score from the confirmed run. */
  private async candidates(manager: EntityManager, run: SelectionRun, ids: string[]): Promise<SelectionCandidate[]> {
    const scores = new Map<string, number>(
      [...run.result.selected, ...run.result.waitlist].map((c) => [c.applicationId, c.score]),
    );
    const rows = await candidateAttributes(manager, ids);
    return rows.map((r) => ({
      id: r.id,
      score: scores.get(r.id) ?? 0,
      region: r.region,
      gender: r.gender,
      sector: r.sector,
      hubPreferences: r.hubs,
    }));
  }

  private async responseDays(manager: EntityManager, cohortId: string): Promise<number> {
    return (await cohortSelectionTerms(manager, cohortId))?.offer_response_days ?? 7;
  }
}
