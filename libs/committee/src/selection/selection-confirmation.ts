import { Injectable } from '@nestjs/common';
import { Application, ApplicationTransitions } from '@vgbf/applications';
import { AuditService } from '@vgbf/audit';
import { type AuthenticatedUser, Clock, NotFoundError } from '@vgbf/core';
import { OutboxService } from '@vgbf/outbox';
import { type ProposalRun, type ProposalUse, ProposalWorkflow } from '@vgbf/proposals';
import type { EntityManager } from 'typeorm';
import { type CohortSelectionTerms, cohortSelectionTerms } from '../data-access/cohorts';
import { Offer } from '../offers/offer.entity';
import { WaitlistEntry } from '../offers/waitlist-entry.entity';
import { OfferMail, offerExpiry } from '../offers/offer-mail';
import type { ConfirmationView } from './dto/selection.dto';
import {
  ProposalStaleError,
  ProposalSupersededError,
  SelectionConfirmedError,
  SelectionNotOpenError,
} from './selection.errors';
import { type SelectionOutcome, type SelectionSettings, selectionRuns } from './selection.types';

type SelectionRunRow = ProposalRun<SelectionSettings, SelectionOutcome>;

/** What a confirmation stands on: the cohort (still selecting) and its candidates' applications, locked. */
interface ConfirmationState {
  cohort: CohortSelectionTerms;
  applications: Map<string, Application>;
}

/**
 * Staff confirm a proposal, once per cohort, on the proposal kernel (@vgbf/proposals), in one
 * transaction: the selected are offered a seat (an offer with a response deadline and an email in
 * their language), the waitlist is recorded in rank order, and the run becomes the cohort's confirmed
 * selection that freed seats are refilled under (the cohort's other open proposals are superseded).
 */
@Injectable()
export class SelectionConfirmation {
  private readonly use: ProposalUse<ConfirmationState, SelectionSettings, SelectionSettings, SelectionOutcome> = {
    runs: selectionRuns,
    policy: 'once',
    supersedeOnConfirm: true,
    refusals: {
      confirmed: () => new SelectionConfirmedError(),
      superseded: () => new ProposalSupersededError(),
      closed: () => new SelectionConfirmedError(),
    },
    load: (manager, cohortId, _settings, run) => this.state(manager, cohortId, run),
    record: (settings) => settings,
    // Stale when some of its candidates left the interviewed status (or their application is gone).
    stale: (_manager, run, state) => {
      const ids = candidateIds(run);
      const stale = [...state.applications.values()].filter((a) => a.status !== 'interviewed').map((a) => a.id);
      return stale.length || state.applications.size !== ids.length ? new ProposalStaleError(stale) : null;
    },
  };

  constructor(
    private readonly workflow: ProposalWorkflow,
    private readonly transitions: ApplicationTransitions,
    private readonly mail: OfferMail,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async confirm(actor: AuthenticatedUser, cohortId: string, id: string): Promise<ConfirmationView> {
    const now = this.clock.now();
    let expiresAt = now;
    return this.workflow.confirm(
      this.use,
      { cohortId, id, actorId: actor.id, now: () => now },
      async (manager, run, state) => {
        expiresAt = offerExpiry(now, state.cohort.offer_response_days);
        await this.offer(manager, actor, run, state, expiresAt);
      },
      (_manager, run) =>
        Promise.resolve({
          runId: run.id,
          offers: run.result.selected.length,
          waitlisted: run.result.waitlist.length,
          expiresAt: expiresAt.toISOString(),
        }),
    );
  }

  /** The cohort (which must still be selecting) and the run's applications, locked in id order. */
  private async state(manager: EntityManager, cohortId: string, run?: SelectionRunRow): Promise<ConfirmationState> {
    const cohort = await cohortSelectionTerms(manager, cohortId);
    if (!cohort) throw new NotFoundError('Cohort', cohortId);
    if (cohort.status !== 'selecting') throw new SelectionNotOpenError(cohort.status);
    const ids = run ? candidateIds(run) : [];
    const apps = await this.transitions.lockMany(manager, ids);
    return { cohort, applications: new Map(apps.map((a) => [a.id, a])) };
  }

  /** Confirmation's own part: offers and the waitlist made, the selected emailed, the confirmation audited. */
  private async offer(
    manager: EntityManager,
    actor: AuthenticatedUser,
    run: SelectionRunRow,
    state: ConfirmationState,
    expiresAt: Date,
  ): Promise<void> {
    const { cohort_id: cohortId } = run;
    const selectedIds = run.result.selected.map((s) => s.applicationId);
    const waitlistIds = run.result.waitlist.map((w) => w.applicationId);
    const reason = `Selection ${run.id} confirmed`;
    const app = (appId: string) => state.applications.get(appId) as Application;
    for (const appId of selectedIds) await this.transitions.move(manager, app(appId), 'offered', actor.id, reason);
    for (const appId of waitlistIds) await this.transitions.move(manager, app(appId), 'waitlisted', actor.id, reason);
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
  }
}

const candidateIds = (run: SelectionRunRow): string[] => [
  ...run.result.selected.map((s) => s.applicationId),
  ...run.result.waitlist.map((w) => w.applicationId),
];
