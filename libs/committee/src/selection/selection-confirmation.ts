import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Application, ApplicationTransitions } from '@vgbf/applications';
import { AuditService } from '@vgbf/audit';
import { Cohort } from '@vgbf/cohorts';
import { type AuthenticatedUser, Clock, NotFoundError } from '@vgbf/core';
import { OutboxService } from '@vgbf/outbox';
import { DataSource, In } from 'typeorm';
import { Offer } from '../offers/offer.entity';
import { WaitlistEntry } from '../offers/waitlist-entry.entity';
import { OfferMail, offerExpiry } from '../offers/offer-mail';
import type { ConfirmationView } from './dto/selection.dto';
import { SelectionRun } from './selection-run.entity';
import {
  ProposalStaleError,
  ProposalSupersededError,
  SelectionConfirmedError,
  SelectionNotOpenError,
} from './selection.errors';

/**
 * Staff confirm a proposal, once per cohort, in one transaction: the selected are offered a seat
 * (an offer with a response deadline and an email in their language), the waitlist is recorded in
 * rank order, and the run becomes the cohort's confirmed selection that freed seats are refilled under.
 */
@Injectable()
export class SelectionConfirmation {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly transitions: ApplicationTransitions,
    private readonly mail: OfferMail,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async confirm(actor: AuthenticatedUser, cohortId: string, id: string): Promise<ConfirmationView> {
    const now = this.clock.now();
    return this.db.transaction(async (manager) => {
      // The cohort row serialises confirmations of its proposals.
      const cohort = await manager
        .getRepository(Cohort)
        .findOne({ where: { id: cohortId }, lock: { mode: 'pessimistic_write' } });
      if (!cohort) throw new NotFoundError('Cohort', cohortId);
      const runs = manager.getRepository(SelectionRun);
      const run = await runs.findOneBy({ id, cohortId });
      if (!run) throw new NotFoundError('Selection proposal', id);
      if (run.status === 'confirmed' || (await runs.existsBy({ cohortId, status: 'confirmed' })))
        throw new SelectionConfirmedError();
      if (run.status === 'superseded') throw new ProposalSupersededError();
      if (cohort.status !== 'selecting') throw new SelectionNotOpenError(cohort.status);

      const selectedIds = run.result.selected.map((s) => s.applicationId);
      const waitlistIds = run.result.waitlist.map((w) => w.applicationId);
      const apps = await manager.getRepository(Application).find({
        select: { id: true, status: true },
        where: { id: In([...selectedIds, ...waitlistIds]) },
        order: { id: 'ASC' },
        lock: { mode: 'pessimistic_write' },
      });
      const stale = apps.filter((a) => a.status !== 'interviewed').map((a) => a.id);
      if (stale.length || apps.length !== selectedIds.length + waitlistIds.length) throw new ProposalStaleError(stale);
      const byId = new Map(apps.map((a) => [a.id, a]));

      const expiresAt = offerExpiry(now, cohort.offerResponseDays);
      const reason = `Selection ${run.id} confirmed`;
      for (const appId of selectedIds)
        await this.transitions.move(manager, byId.get(appId) as Application, 'offered', actor.id, reason);
      for (const appId of waitlistIds)
        await this.transitions.move(manager, byId.get(appId) as Application, 'waitlisted', actor.id, reason);
      await manager
        .getRepository(Offer)
        .insert(selectedIds.map((applicationId) => ({ applicationId, cohortId, runId: run.id, expiresAt })));
      if (waitlistIds.length)
        await manager
          .getRepository(WaitlistEntry)
          .insert(waitlistIds.map((applicationId, i) => ({ applicationId, cohortId, runId: run.id, rank: i + 1 })));

      const recipients = await this.mail.recipients(manager, selectedIds);
      for (const appId of selectedIds) {
        const to = recipients.get(appId);
        if (to) await this.outbox.enqueueEmail(manager, this.mail.message('offer', to, expiresAt));
      }

      await runs.update({ cohortId, status: 'proposed' }, { status: 'superseded' });
      await runs.update({ id: run.id }, { status: 'confirmed', confirmedBy: actor.id, confirmedAt: now });
      await this.audit.record(manager, actor, {
        action: 'selection.confirmed',
        entityType: 'selection_run',
        entityId: run.id,
        before: { status: 'proposed' },
        after: {
          cohortId,
          offered: selectedIds,
          waitlisted: waitlistIds.length,
          expiresAt: expiresAt.toISOString(),
        },
      });
      return {
        runId: run.id,
        offers: selectedIds.length,
        waitlisted: waitlistIds.length,
        expiresAt: expiresAt.toISOString(),
      };
    });
  }
}
