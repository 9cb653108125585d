import { Injectable } from '@nestjs/common';
import { AuditService } from '@vgbf/audit';
import { CohortsService } from '@vgbf/cohorts';
import { type AuthenticatedUser, Clock, NotFoundError } from '@vgbf/core';
import { Transactions } from '@vgbf/database';
import { renderEmail } from '@vgbf/mail';
import { type ProposalRun, ProposalWorkflow } from '@vgbf/proposals';
import { SelectionInputError, type SelectionResult, selectCohort } from '@vgbf/solvers';
import { OfferMail, offerExpiry } from '../offers/offer-mail';
import type { OfferPreviewView, ProposalView, SelectionRequestDto } from './dto/selection.dto';
import { type Candidate, SelectionCandidates } from './selection-candidates';
import { fieldOfConstraint, resolveSettings } from './selection-settings';
import {
  InvalidSelectionError,
  SelectionConfirmedError,
  SelectionInfeasibleError,
  SelectionNotOpenError,
} from './selection.errors';
import {
  type ProposedCandidate,
  type SelectionOutcome,
  type SelectionSettings,
  selectionRuns,
} from './selection.types';

export function toProposalView(run: ProposalRun<SelectionSettings, SelectionOutcome>): ProposalView {
  return {
    id: run.id,
    cohortId: run.cohort_id,
    status: run.status,
    input: run.input,
    ...run.result,
    createdAt: run.created_at.toISOString(),
    createdBy: run.created_by,
    confirmedAt: run.confirmed_at?.toISOString() ?? null,
    confirmedBy: run.confirmed_by,
  };
}

/**
 * Optimal selection proposals: the interviewed candidates with the chosen score, the set that
 * maximises it under the cohort size, hub capacities, shares and pins (exact integer program,
 * @vgbf/solvers), the price of each constraint, and the ranked waitlist. Nothing is offered until
 * staff confirm a proposal.
 */
@Injectable()
export class SelectionService {
  constructor(
    private readonly transactions: Transactions,
    private readonly workflow: ProposalWorkflow,
    private readonly cohorts: CohortsService,
    private readonly candidates: SelectionCandidates,
    private readonly mail: OfferMail,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /**
   * Solves and stores a proposal, superseding the cohort's earlier open ones. Bad settings are a 400
   * and infeasible ones a 422 naming the clashing constraints; neither writes anything.
   */
  async propose(actor: AuthenticatedUser, cohortId: string, request: SelectionRequestDto): Promise<ProposalView> {
    const cohort = await this.cohorts.get(cohortId);
    if (cohort.status !== 'selecting') throw new SelectionNotOpenError(cohort.status);
    const db = this.transactions.current();
    if (await selectionRuns.hasConfirmed(db, cohortId)) throw new SelectionConfirmedError();

    const pool = await this.candidates.load(db, cohortId, request.scoreKind ?? 'normalized');
    const byId = new Map(pool.candidates.map((c) => [c.id, c]));
    const { settings, errors } = resolveSettings(request, cohort.hubs, new Set(byId.keys()));
    if (errors.length) throw new InvalidSelectionError(errors);

    // HiGHS runs synchronously, here in the request: about a second for 2,000 candidates (see the e2e),
    // for an action staff take a few times per cohort.
    let result: SelectionResult;
    try {
      result = await selectCohort({
        candidates: pool.candidates.map(({ fullName: _, ...c }) => c),
        size: settings.size,
        hubCapacities: settings.hubCapacities,
        shares: settings.shares,
        pinnedIn: settings.pinnedIn,
        pinnedOut: settings.pinnedOut,
      });
    } catch (error) {
      // The checks above should leave nothing for the solver to refuse; if one slips through, it is still the input.
      if (error instanceof SelectionInputError)
        throw new InvalidSelectionError([{ field: '', message: error.message }]);
      throw error;
    }
    if (result.status === 'infeasible') {
      const clash = result.clash ?? [];
      throw new SelectionInfeasibleError(
        clash,
        clash.map((constraint) => ({
          field: fieldOfConstraint(constraint, settings),
          message: `${constraint} clashes with ${clash.filter((c) => c !== constraint).join(', ') || 'the candidates'}`,
        })),
      );
    }

    const shown = (id: string, score: number): ProposedCandidate => {
      const c = byId.get(id) as Candidate;
      return { applicationId: id, fullName: c.fullName, score, region: c.region, gender: c.gender, sector: c.sector };
    };
    const outcome: SelectionOutcome = {
      candidates: pool.candidates.length,
      withoutScore: pool.withoutScore,
      objective: result.objective,
      unconstrainedObjective: result.unconstrainedObjective,
      prices: result.prices,
      selected: result.selected.map((s) => ({ ...shown(s.id, s.score), hub: s.hub })),
      waitlist: result.waitlist.map((w, i) => ({ ...shown(w.id, w.score), rank: i + 1 })),
    };

    return this.transactions.run(async (manager) => {
      // The cohort's lock first (lock-order.ts), as every proposal takes it: a confirmation that won the
      // race meanwhile is seen, and two proposals stored at once do not both stay open.
      await this.workflow.lockCohort(manager, cohortId);
      if (await selectionRuns.hasConfirmed(manager, cohortId)) throw new SelectionConfirmedError();
      const run = await this.workflow.store(manager, selectionRuns, {
        cohortId,
        input: settings,
        result: outcome,
        createdBy: actor.id,
      });
      await this.audit.record(manager, actor, {
        action: 'selection.proposed',
        entityType: 'selection_run',
        entityId: run.id,
        after: {
          cohortId,
          settings,
          objective: outcome.objective,
          unconstrainedObjective: outcome.unconstrainedObjective,
          selected: outcome.selected.length,
          waitlist: outcome.waitlist.length,
        },
      });
      return toProposalView(run);
    });
  }

  async get(cohortId: string, id: string): Promise<ProposalView> {
    return toProposalView(await this.run(cohortId, id));
  }

  /** The offer email one selected candidate would get if staff confirmed now, in their language; nothing is sent. */
  async offerPreview(cohortId: string, id: string, applicationId: string): Promise<OfferPreviewView> {
    const run = await this.run(cohortId, id);
    if (!run.result.selected.some((s) => s.applicationId === applicationId))
      throw new NotFoundError('Selected application', applicationId);
    const cohort = await this.cohorts.get(cohortId);
    const to = (await this.mail.recipients(this.transactions.current(), [applicationId])).get(applicationId);
    if (!to) throw new NotFoundError('Application', applicationId);
    const message = this.mail.message('offer', to, offerExpiry(this.clock.now(), cohort.offerResponseDays));
    return {
      to: message.to,
      language: message.language,
      ...renderEmail(message.template, message.language, message.data),
    };
  }

  private run(cohortId: string, id: string): Promise<ProposalRun<SelectionSettings, SelectionOutcome>> {
    return selectionRuns.get(this.transactions.current(), cohortId, id);
  }
}
