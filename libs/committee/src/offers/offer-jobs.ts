import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApplicationTransitions } from '@vgbf/applications';
import { AuditService } from '@vgbf/audit';
import { OutboxService } from '@vgbf/outbox';
import { Scheduled, type ScheduledRun } from '@vgbf/scheduler';
import type { DataSource } from 'typeorm';
import { markOffersReminded, offersDue } from '../data-access/offers';
import { Offer } from './offer.entity';
import { OfferMail } from './offer-mail';
import { SeatReplacement } from './seat-replacement';

/**
 * Offers nobody answered in time expire (the application counts as declined) and their seats go to
 * the waitlist; offers about to expire get one reminder. Both re-read the offers and guard on their
 * state, so a second run of a period finds nothing left to do.
 */
@Injectable()
export class OfferJobs {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly transitions: ApplicationTransitions,
    private readonly seats: SeatReplacement,
    private readonly mail: OfferMail,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
  ) {}

  @Scheduled({ name: 'committee.offer-expiry', cron: '5 * * * *' })
  async expire({ period }: ScheduledRun): Promise<{ expired: number; replaced: number; unfilled: number }> {
    const counts = { expired: 0, replaced: 0, unfilled: 0 };
    // Pending offers past their deadline, and (should a run have stopped half-way) freed seats not yet settled.
    const due = await offersDue(this.db.manager, period);
    // One transaction per offer: a failure leaves the others done, and the retry resumes from the state.
    for (const { id, cohort_id } of due) {
      await this.db.transaction(async (manager) => {
        const run = await this.seats.lockRun(manager, cohort_id);
        const offer = await this.seats.lockOffer(manager, id);
        if (!run || !offer) return;
        if (offer.status === 'pending') {
          if (offer.expiresAt > period) return;
          const app = await this.transitions.lock(manager, offer.applicationId);
          // An applicant who withdrew meanwhile stays withdrawn; the seat is freed all the same.
          if (app.status === 'offered') await this.transitions.move(manager, app, 'declined', null, 'offer expired');
          await manager.getRepository(Offer).update({ id }, { status: 'expired' });
          offer.status = 'expired';
          await this.audit.record(manager, null, {
            action: 'offer.expired',
            entityType: 'offer',
            entityId: id,
            before: { status: 'pending', expiresAt: offer.expiresAt.toISOString() },
            after: { status: 'expired', applicationStatus: app.status },
            reason: 'offer expired',
          });
          counts.expired += 1;
        }
        const replacement = await this.seats.fill(manager, run, offer, period);
        if (replacement) counts.replaced += 1;
        else if (offer.vacancySettledAt) counts.unfilled += 1;
      });
    }
    return counts;
  }

  @Scheduled({ name: 'committee.offer-reminders', cron: '0 9 * * *' })
  async remind({ period }: ScheduledRun): Promise<{ reminded: number }> {
    return this.db.transaction(async (manager) => {
      // Marking and emailing commit together: each pending offer is reminded once, in its last 2 days.
      const rows = await markOffersReminded(manager, period);
      const recipients = await this.mail.recipients(
        manager,
        rows.map((r) => r.application_id),
      );
      for (const row of rows) {
        const to = recipients.get(row.application_id);
        if (to) await this.outbox.enqueueEmail(manager, this.mail.message('offer-reminder', to, row.expires_at));
      }
      return { reminded: rows.length };
    });
  }
}
