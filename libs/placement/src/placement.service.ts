import { Injectable } from '@nestjs/common';
import { AuditService } from '@vgbf/audit';
import { CohortsService } from '@vgbf/cohorts';
import { AppConfig } from '@vgbf/config';
import { type AuthenticatedUser, Clock, NotFoundError } from '@vgbf/core';
import { type TransactionOptions, Transactions } from '@vgbf/database';
import { type FellowView, FellowsService, describeLanguageRule } from '@vgbf/fellows';
import { AccountsService } from '@vgbf/identity';
import { OutboxService } from '@vgbf/outbox';
import { ConsentLedger, type DataCategory, TransferRegister, countryOfTimeZone, isAbroad } from '@vgbf/personal-data';
import {
  ConstraintTable,
  ProposalRuns,
  type ProposalUse,
  ProposalWorkflow,
  fingerprint,
  isStale,
  validateLocksAndForbids,
} from '@vgbf/proposals';
import { type PlacementInput, placeFellows } from '@vgbf/solvers';
import type { EntityManager } from 'typeorm';
import {
  DEFAULT_RANK_WEIGHTS,
  type FellowConstraintsDto,
  type MovePlacementDto,
  type PlacementFellowView,
  type PlacementOverview,
  type PlacementProposalView,
  type PlacementRequestDto,
} from './dto/placement.dto';
import { placedAtHub } from './data-access/hub-occupancy';
import { placementReasonCode } from './infeasibility-words';
import {
  HubFullError,
  InvalidPlacementInputError,
  NoFellowsError,
  PlacementConfirmedError,
  PlacementInfeasibleError,
  PlacementNotConfirmedError,
  PlacementStaleError,
  PlacementSupersededError,
} from './placement.errors';
import {
  type PlacementRun,
  type PlacementSettings,
  type PlacementState,
  type StoredInput,
  type StoredResult,
  eligibleHubs,
  fellowView,
  nameOf,
  proposalView,
  sentence,
} from './placement-view';

/** The overview and a proposal's view read everything at one snapshot, as they always have. */
const SNAPSHOT: TransactionOptions = { isolationLevel: 'REPEATABLE READ' };

const HUB_OF_COHORT = 'validation.hub_of_cohort';

const runs = new ProposalRuns<StoredInput, StoredResult>({
  table: 'placement_runs',
  confirmed: 'confirmed',
  label: 'Proposal',
});
const constraintTable = new ConstraintTable({ table: 'placement_constraints', subject: 'fellow_id', target: 'hub_id' });

/** What a hub receives of a fellow placed there: who they are, how to reach them, their enterprise and plan, their year. */
export const PLACEMENT_TRANSFER_CATEGORIES: readonly DataCategory[] = [
  'identity',
  'contact',
  'enterprise',
  'application_content',
  'programme',
];

/**
 * Hub placement on the proposal kernel (@vgbf/proposals): staff set locks and forbids, run the exact
 * solver (preferences, capacities, minimums, language rules), read why each fellow got what they got,
 * confirm (which places and emails every fellow), and afterwards move single fellows with an audited
 * reason. This file gives the kernel placement's state, solver and confirmation; the views are in
 * placement-view.ts.
 */
@Injectable()
export class PlacementService {
  private readonly use: ProposalUse<PlacementState, PlacementSettings, StoredInput, StoredResult> = {
    runs,
    policy: 'once',
    supersedeOnConfirm: false,
    refusals: {
      confirmed: () => new PlacementConfirmedError(),
      superseded: () => new PlacementSupersededError(),
      closed: () => new PlacementConfirmedError(),
    },
    load: (manager, cohortId, settings) => this.state(manager, cohortId, settings.rankWeights),
    record: (settings, state) => ({ rankWeights: settings.rankWeights, fingerprint: state.fingerprint }),
    stale: (_manager, run, state) =>
      isStale(run.input.fingerprint, state.fingerprint) ? new PlacementStaleError() : null,
  };

  constructor(
    private readonly transactions: Transactions,
    private readonly workflow: ProposalWorkflow,
    private readonly cohorts: CohortsService,
    private readonly fellows: FellowsService,
    private readonly accounts: AccountsService,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly transfers: TransferRegister,
    private readonly consents: ConsentLedger,
  ) {}

  async overview(cohortId: string): Promise<PlacementOverview> {
    return this.transactions.run(async (manager) => {
      const state = await this.state(manager, cohortId, DEFAULT_RANK_WEIGHTS);
      const run = await runs.current(manager, cohortId, true);
      const eligible = new Map(state.input.fellows.map((f) => [f.id, f.eligibleHubs]));
      return {
        cohortId,
        confirmed: run?.status === 'confirmed',
        hubs: state.cohort.hubs.map((h) => ({
          id: h.id,
          code: h.code,
          name: h.name,
          nameVi: h.nameVi,
          city: h.city,
          capacity: h.capacity,
          minimumFellows: h.minimumFellows,
          languageRule: describeLanguageRule(h.languageRequirements),
          languageRequirements: h.languageRequirements.map((r) => ({ test: r.test, minimum: r.minimum })),
          placed: state.fellows.filter((f) => f.hub?.id === h.id).length,
        })),
        fellows: state.fellows.map((f) =>
          fellowView(
            f,
            state.constraints,
            eligible.get(f.id) ?? eligibleHubs(f, state.cohort),
            state.abroadConsent.has(f.id),
          ),
        ),
        proposal: run ? proposalView(run, state) : null,
      };
    }, SNAPSHOT);
  }

  /** Replaces one fellow's lock and forbidden hubs (before a run; they never move a confirmed fellow). */
  async setConstraints(
    actor: AuthenticatedUser,
    cohortId: string,
    fellowId: string,
    input: FellowConstraintsDto,
  ): Promise<PlacementFellowView> {
    return this.transactions.run(async (manager) => {
      const fellow = await this.fellows.lock(manager, fellowId);
      if (!fellow || fellow.cohortId !== cohortId) throw new NotFoundError('Fellow', fellowId);
      const cohort = await this.cohorts.get(cohortId, manager);
      const hubIds = new Set(cohort.hubs.map((h) => h.id));
      const set = { lockedId: input.lockedHubId ?? null, forbiddenIds: input.forbiddenHubIds };
      const errors = validateLocksAndForbids(set, (id) => hubIds.has(id), {
        unknownLock: { field: 'lockedHubId', message: 'not a hub of this cohort', code: HUB_OF_COHORT },
        unknownForbid: {
          field: 'forbiddenHubIds',
          message: 'each forbidden hub must be a hub of this cohort',
          code: HUB_OF_COHORT,
        },
        lockedAndForbidden: {
          field: 'lockedHubId',
          message: 'a fellow cannot be locked to a hub that is also forbidden',
          code: 'validation.lock_forbidden_hub',
        },
      });
      if (errors.length) throw new InvalidPlacementInputError(errors);

      const note = input.note ?? null;
      const { before, after } = await constraintTable.replace(manager, {
        cohortId,
        subjectId: fellowId,
        set,
        note,
        actorId: actor.id,
      });
      await this.audit.record(manager, actor, {
        action: 'placement.constraints_changed',
        entityType: 'fellow',
        entityId: fellowId,
        before: { constraints: before.map((c) => ({ hubId: c.targetId, kind: c.kind })) },
        after: { lockedHubId: set.lockedId, forbiddenHubIds: set.forbiddenIds, note },
      });
      return fellowView(fellow, after, eligibleHubs(fellow, cohort), await this.consents.has(fellow.userId, 'abroad'));
    });
  }

  /** Runs the solver and keeps its answer as the cohort's newest proposal (older open ones are superseded). */
  async propose(
    actor: AuthenticatedUser,
    cohortId: string,
    request: PlacementRequestDto,
  ): Promise<PlacementProposalView> {
    const rankWeights = request.rankWeights ?? DEFAULT_RANK_WEIGHTS;
    if (rankWeights.some((w, i) => i > 0 && w > rankWeights[i - 1]))
      throw new InvalidPlacementInputError([
        {
          field: 'rankWeights',
          message: 'rank weights must not rise: a better choice earns at least as much',
          code: 'validation.rank_weights_rise',
        },
      ]);
    return this.workflow.propose(
      this.use,
      { cohortId, settings: { rankWeights }, actorId: actor.id },
      (state): StoredResult => {
        if (!state.fellows.length) throw new NoFellowsError();
        const result = placeFellows(state.input);
        if (result.status === 'infeasible')
          throw new PlacementInfeasibleError(
            result.reasons.map((r) => ({
              ...r,
              ...placementReasonCode(r, state.cohort.hubs, (id) => nameOf(state, id)),
              message: sentence(r, state),
            })),
          );
        return { totalPoints: result.totalPoints, placements: result.placements };
      },
      proposalView,
    );
  }

  async proposal(cohortId: string, id: string): Promise<PlacementProposalView> {
    return this.transactions.run(async (manager) => {
      const run = await runs.get(manager, cohortId, id);
      return proposalView(run, await this.state(manager, cohortId, run.input.rankWeights));
    }, SNAPSHOT);
  }

  /** Places every fellow as proposed and emails each of them, in one transaction. */
  async confirm(actor: AuthenticatedUser, cohortId: string, id: string): Promise<PlacementProposalView> {
    return this.workflow.confirm(
      this.use,
      { cohortId, id, actorId: actor.id, now: () => this.clock.now() },
      (manager, run, state, now) => this.place(manager, actor, run, state, now),
      async (manager, run) => proposalView(run, await this.state(manager, cohortId, run.input.rankWeights)),
    );
  }

  /** After confirmation: one fellow to another hub (capacity still holds), audited, and the fellow told why. */
  async move(actor: AuthenticatedUser, fellowId: string, input: MovePlacementDto): Promise<FellowView> {
    return this.transactions.run(async (manager) => {
      // The cohort first, then the fellow: the order confirm() takes them in (it places every fellow
      // under the cohort's lock), so a move during a confirmation waits instead of deadlocking.
      const { cohortId } = await this.fellows.get(fellowId, manager);
      await this.workflow.lockCohort(manager, cohortId);
      const fellow = await this.fellows.lock(manager, fellowId);
      if (!fellow) throw new NotFoundError('Fellow', fellowId);
      if (!(await runs.hasConfirmed(manager, fellow.cohortId))) throw new PlacementNotConfirmedError();
      const cohort = await this.cohorts.get(fellow.cohortId, manager);
      const hub = cohort.hubs.find((h) => h.id === input.hubId);
      if (!hub) {
        throw new InvalidPlacementInputError([
          { field: 'hubId', message: 'not a hub of this cohort', code: HUB_OF_COHORT },
        ]);
      }
      if (fellow.hub?.id === hub.id) return fellow;
      await this.consents.require(fellow.userId, 'abroad');
      const placed = await placedAtHub(manager, hub.id, fellowId);
      if (placed >= hub.capacity) throw new HubFullError(hub.name, hub.capacity);

      await this.fellows.place(manager, [{ fellowId, hubId: hub.id }], this.clock.now());
      await this.recordTransfer(fellow, hub);
      await this.audit.record(manager, actor, {
        action: 'placement.changed',
        entityType: 'fellow',
        entityId: fellowId,
        before: { hub: fellow.hub?.code ?? null },
        after: { hub: hub.code, reason: input.reason },
      });
      const contact = (await this.accounts.contacts([fellow.userId])).get(fellow.userId)!;
      await this.outbox.enqueueEmail(manager, {
        template: 'placement-changed',
        to: contact.email,
        language: contact.language,
        data: {
          fullName: fellow.fullName,
          cohort: cohort.name,
          previousHub: fellow.hub?.name ?? '—',
          hub: hub.name,
          city: hub.city,
          reason: input.reason,
          link: `${this.config.PUBLIC_URL}/programme`,
        },
      });
      return this.fellows.get(fellowId, manager);
    });
  }

  /** Confirmation's own part: every fellow placed, emailed, and the confirmation audited. */
  private async place(
    manager: EntityManager,
    actor: AuthenticatedUser,
    run: PlacementRun,
    state: PlacementState,
    now: Date,
  ): Promise<void> {
    const hubId = new Map(state.cohort.hubs.map((h) => [h.code, h.id]));
    const byFellow = new Map(state.fellows.map((f) => [f.id, f]));
    // A consent withdrawn since the proposal also changes its fingerprint (stale); this holds regardless.
    for (const p of run.result.placements)
      if (!state.abroadConsent.has(p.fellowId)) await this.consents.require(byFellow.get(p.fellowId)!.userId, 'abroad');
    await this.fellows.place(
      manager,
      run.result.placements.map((p) => ({ fellowId: p.fellowId, hubId: hubId.get(p.hub)! })),
      now,
    );
    const contacts = await this.accounts.contacts(state.fellows.map((f) => f.userId));
    const byId = new Map(state.fellows.map((f) => [f.id, f]));
    for (const p of run.result.placements) {
      const fellow = byId.get(p.fellowId)!;
      const hub = state.cohort.hubs.find((h) => h.code === p.hub)!;
      const contact = contacts.get(fellow.userId)!;
      await this.recordTransfer(fellow, hub);
      await this.outbox.enqueueEmail(manager, {
        template: 'placement-confirmed',
        to: contact.email,
        language: contact.language,
        data: {
          fullName: fellow.fullName,
          cohort: state.cohort.name,
          hub: hub.name,
          city: hub.city,
          rank: p.rank === null ? '—' : String(p.rank),
          startDate: fellow.startDate,
          endDate: fellow.endDate,
          link: `${this.config.PUBLIC_URL}/programme`,
        },
      });
    }
    await this.audit.record(manager, actor, {
      action: 'placement.confirmed',
      entityType: 'cohort',
      entityId: run.cohort_id,
      after: { runId: run.id, totalPoints: run.result.totalPoints, placements: run.result.placements.length },
    });
  }

  /**
   * A placement with a hub abroad makes the fellow's file available to it: a row of the transfer register
   * (in this transaction; one per fellow and hub, so a confirmation retried or a move back records nothing new).
   */
  private async recordTransfer(
    fellow: { id: string; userId: string; cohortId: string },
    hub: { id: string; name: string; city: string; timeZone: string },
  ): Promise<void> {
    if (!isAbroad(hub.timeZone)) return;
    await this.transfers.record({
      subjectUserId: fellow.userId,
      cohortId: fellow.cohortId,
      sourceKind: 'placement',
      sourceId: `${fellow.id}:${hub.id}`,
      recipientKind: 'hub',
      recipientName: `${hub.name} (${hub.city})`,
      country: countryOfTimeZone(hub.timeZone) ?? 'ZZ',
      categories: PLACEMENT_TRANSFER_CATEGORIES,
      basis: 'consent',
    });
  }

  private async state(manager: EntityManager, cohortId: string, rankWeights: number[]): Promise<PlacementState> {
    const cohort = await this.cohorts.get(cohortId, manager);
    const fellows = await this.fellows.activeInCohort(cohortId, manager);
    const constraints = await constraintTable.forCohort(manager, cohortId);
    // Placing a fellow at a hub abroad makes their data available abroad: only with their consent to 'abroad'.
    const consenting = await this.consents.holders(
      fellows.map((f) => f.userId),
      'abroad',
    );
    const abroadConsent = new Set(fellows.filter((f) => consenting.has(f.userId)).map((f) => f.id));
    const code = new Map(cohort.hubs.map((h) => [h.id, h.code]));
    const hubCodes = new Set(cohort.hubs.map((h) => h.code));
    const input: PlacementInput = {
      hubs: cohort.hubs.map((h) => ({ code: h.code, capacity: h.capacity, minimum: h.minimumFellows })),
      rankWeights,
      fellows: fellows
        .filter((f) => abroadConsent.has(f.id))
        .map((f) => {
          const mine = constraints.filter((c) => c.subjectId === f.id);
          return {
            id: f.id,
            score: f.selectionScore ?? 0,
            // A hub the cohort no longer has (renamed or removed) cannot be a preference.
            preferences: f.hubPreferences.filter((h) => hubCodes.has(h)),
            eligibleHubs: eligibleHubs(f, cohort),
            lockedHub: code.get(mine.find((c) => c.kind === 'lock')?.targetId ?? '') ?? null,
            forbiddenHubs: mine.filter((c) => c.kind === 'forbid').map((c) => code.get(c.targetId)!),
          };
        }),
    };
    return {
      cohort,
      fellows,
      constraints,
      input,
      fingerprint: fingerprint({ hubs: input.hubs, fellows: input.fellows }),
      abroadConsent,
    };
  }
}
