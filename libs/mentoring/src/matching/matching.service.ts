import { Injectable } from '@nestjs/common';
import { AuditService } from '@vgbf/audit';
import { AppConfig } from '@vgbf/config';
import { type AuthenticatedUser, Clock, NotFoundError } from '@vgbf/core';
import { type TransactionOptions, Transactions } from '@vgbf/database';
import { FellowsService } from '@vgbf/fellows';
import { OutboxService } from '@vgbf/outbox';
import { type ProposalUse, ProposalWorkflow, isStale, validateLocksAndForbids } from '@vgbf/proposals';
import { DEFAULT_MATCHING_WEIGHTS, type MatchingWeights, matchMentors } from '@vgbf/solvers';
import type { EntityManager } from 'typeorm';
import type {
  ActivePairView,
  MatchingFellowView,
  MatchingOverview,
  MatchingProposalView,
  MatchingRequestDto,
  PairConstraintsDto,
} from './dto/matching.dto';
import { activePairsOfCohort, contactsOf, insertPairs, mentorIdsAmong } from '../data-access/matching';
import { lockUnavailableCode, matchingReasonCode } from './infeasibility-words';
import { MatchingStateReader, matchingConstraints, matchingRuns } from './matching-state';
import {
  type MatchingRun,
  type MatchingSettings,
  type MatchingState,
  type StoredInput,
  type StoredResult,
  fellowName,
  fellowView,
  mentorName,
  mentorView,
  proposalView,
  sentence,
} from './matching-view';
import {
  InvalidMatchingInputError,
  MatchingInfeasibleError,
  MatchingProposalClosedError,
  MatchingStaleError,
  NothingToMatchError,
} from './matching.errors';
import { describeReasons } from './reasons';
import { RematchService } from './rematch.service';
import { ConsentLedger, type DataCategory, TransferRegister, countryOfTimeZone, isAbroad } from '@vgbf/personal-data';

/** The overview and a proposal's view read everything at one snapshot, as they always have. */
const SNAPSHOT: TransactionOptions = { isolationLevel: 'REPEATABLE READ' };

/**
 * Mentor matching on the proposal kernel (@vgbf/proposals): staff lock or forbid pairs, run the
 * exact matching (the worst-off fellow's score first, then the total) over the fellows still without
 * a mentor, read each pair's reasons, approve (pairs made and both sides emailed). This file gives
 * the kernel matching's solver, stale check and approval; the state is read in matching-state.ts,
 * the views in matching-view.ts, rematches in rematch.service.ts.
 */
@Injectable()
export class MatchingService {
  private readonly use: ProposalUse<MatchingState, MatchingSettings, StoredInput, StoredResult> = {
    runs: matchingRuns,
    policy: 'each',
    supersedeOnConfirm: false,
    refusals: {
      confirmed: () => new MatchingProposalClosedError('approved'),
      superseded: () => new MatchingProposalClosedError('superseded'),
      closed: (status) => new MatchingProposalClosedError(status),
    },
    load: (manager, cohortId, settings) => this.states.read(manager, cohortId, settings.weights),
    record: (settings, state) => ({ weights: settings.weights, fingerprint: state.fingerprint }),
    stale: (_manager, run, state) => (this.isStale(run, state) ? new MatchingStaleError() : null),
  };

  constructor(
    private readonly transactions: Transactions,
    private readonly workflow: ProposalWorkflow,
    private readonly states: MatchingStateReader,
    private readonly rematches: RematchService,
    private readonly fellows: FellowsService,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly transfers: TransferRegister,
    private readonly consents: ConsentLedger,
  ) {}

  async overview(cohortId: string): Promise<MatchingOverview> {
    return this.transactions.run(async (manager) => {
      const state = await this.states.read(manager, cohortId, DEFAULT_MATCHING_WEIGHTS);
      const run = await matchingRuns.current(manager, cohortId, false);
      const pairs = await activePairsOfCohort(manager, cohortId);
      return {
        cohortId,
        defaultWeights: DEFAULT_MATCHING_WEIGHTS,
        unmatched: state.fellows.map((f) => fellowView(f, state.constraints)),
        mentors: state.mentors.map(mentorView),
        pairs: pairs.map((p): ActivePairView => ({
          id: p.id,
          fellow: { id: p.fellow_id, fullName: p.fellow_name },
          mentor: { id: p.mentor_id, fullName: p.mentor_name },
          score: p.score,
          reasons: p.reasons,
          because: describeReasons(p.reasons),
          createdAt: p.created_at.toISOString(),
        })),
        proposal: run ? proposalView(run, state) : null,
        rematchRequests: await this.rematches.list(cohortId),
      };
    }, SNAPSHOT);
  }

  /** Replaces a fellow's locked and forbidden mentors. */
  async setConstraints(
    actor: AuthenticatedUser,
    cohortId: string,
    fellowId: string,
    input: PairConstraintsDto,
  ): Promise<MatchingFellowView> {
    return this.transactions.run(async (manager) => {
      const fellow = await this.fellows.lock(manager, fellowId);
      if (!fellow || fellow.cohortId !== cohortId) throw new NotFoundError('Fellow', fellowId);
      const set = { lockedId: input.lockedMentorId ?? null, forbiddenIds: input.forbiddenMentorIds };
      const named = [...(set.lockedId ? [set.lockedId] : []), ...set.forbiddenIds];
      const known = new Set(await mentorIdsAmong(manager, named));
      const errors = validateLocksAndForbids(set, (id) => known.has(id), {
        unknownLock: { field: 'lockedMentorId', message: 'not a mentor' },
        unknownForbid: { field: 'forbiddenMentorIds', message: 'each forbidden mentor must be a mentor' },
        lockedAndForbidden: { field: 'lockedMentorId', message: 'a mentor cannot be both locked and forbidden' },
      });
      if (errors.length) throw new InvalidMatchingInputError(errors);

      const { before, after } = await matchingConstraints.replace(manager, {
        cohortId,
        subjectId: fellowId,
        set,
        note: null,
        actorId: actor.id,
      });
      await this.audit.record(manager, actor, {
        action: 'matching.constraints_changed',
        entityType: 'fellow',
        entityId: fellowId,
        before: { constraints: before.map((c) => ({ mentorId: c.targetId, kind: c.kind })) },
        after: { lockedMentorId: set.lockedId, forbiddenMentorIds: set.forbiddenIds },
      });
      return fellowView(fellow, after);
    });
  }

  async propose(
    actor: AuthenticatedUser,
    cohortId: string,
    request: MatchingRequestDto,
  ): Promise<MatchingProposalView> {
    const weights: MatchingWeights = request.weights ? { ...request.weights } : DEFAULT_MATCHING_WEIGHTS;
    return this.workflow.propose(
      this.use,
      { cohortId, settings: { weights }, actorId: actor.id },
      (state) => this.solve(state),
      proposalView,
    );
  }

  async proposal(cohortId: string, id: string): Promise<MatchingProposalView> {
    return this.transactions.run(async (manager) => {
      const run = await matchingRuns.get(manager, cohortId, id);
      return proposalView(run, await this.states.read(manager, cohortId, run.input.weights, true));
    }, SNAPSHOT);
  }

  /** Makes the proposed pairs and emails both sides of each, in one transaction. */
  async approve(actor: AuthenticatedUser, cohortId: string, id: string): Promise<MatchingProposalView> {
    return this.workflow.confirm(
      this.use,
      { cohortId, id, actorId: actor.id, now: () => this.clock.now() },
      (manager, run, state) => this.pair(manager, actor, run, state),
      (_manager, run, state) => Promise.resolve(proposalView(run, state)),
    );
  }

  /** The solver's answer, or the use's refusals: nobody to match, a lock to an unavailable mentor, infeasible. */
  private solve(state: MatchingState): StoredResult {
    if (!state.fellows.length) throw new NothingToMatchError();
    const unavailable = state.constraints.filter(
      (c) => c.kind === 'lock' && !state.mentors.some((m) => m.id === c.targetId),
    );
    if (unavailable.length)
      throw new MatchingInfeasibleError(
        unavailable.map((c) => ({
          kind: 'lock_unavailable',
          fellowId: c.subjectId,
          mentorId: c.targetId,
          ...lockUnavailableCode(fellowName(state, c.subjectId)),
          message: `${fellowName(state, c.subjectId)} is locked to a mentor who is inactive or unavailable for this cohort.`,
        })),
      );
    const result = matchMentors(state.input);
    if (result.status === 'infeasible')
      throw new MatchingInfeasibleError(
        result.reasons.map((r) => ({
          ...r,
          ...matchingReasonCode(
            r,
            (id) => fellowName(state, id),
            (id) => mentorName(state, id),
          ),
          message: sentence(r, state),
        })),
      );
    return { pairs: result.pairs, minScore: result.minScore, totalScore: result.totalScore };
  }

  /**
   * Stale when the fellows or their constraints changed (the fingerprint), or when a mentor it uses
   * is no longer active, available, or has fewer places than it needs.
   */
  private isStale(run: MatchingRun, state: MatchingState): boolean {
    if (isStale(run.input.fingerprint, state.fingerprint)) return true;
    const needed = new Map<string, number>();
    for (const p of run.result.pairs) needed.set(p.mentorId, (needed.get(p.mentorId) ?? 0) + 1);
    for (const [mentorId, places] of needed) {
      const mentor = state.mentors.find((m) => m.id === mentorId);
      if (!mentor || mentor.capacity - mentor.active_pairs < places) return true;
    }
    return false;
  }

  /** Approval's own part: the pairs made, both sides of each emailed, the approval audited. */
  private async pair(
    manager: EntityManager,
    actor: AuthenticatedUser,
    run: MatchingRun,
    state: MatchingState,
  ): Promise<void> {
    // Whatever the fingerprint says: no pairing with a mentor abroad without the fellow's consent to 'abroad'.
    for (const pair of run.result.pairs) {
      const mentor = state.mentors.find((m) => m.id === pair.mentorId);
      const fellow = state.fellows.find((f) => f.id === pair.fellowId);
      if (mentor && fellow && isAbroad(mentor.time_zone)) await this.consents.require(fellow.userId, 'abroad');
    }
    const pairingIds = new Map(
      (await insertPairs(manager, run.cohort_id, run.id, run.result.pairs)).map((p) => [p.fellow_id, p.id]),
    );
    const contacts = new Map(
      (await contactsOf(manager, [...state.fellows.map((f) => f.userId), ...state.mentors.map((m) => m.id)])).map(
        (u) => [u.id, u],
      ),
    );
    for (const pair of run.result.pairs) {
      const fellow = state.fellows.find((f) => f.id === pair.fellowId)!;
      const mentor = contacts.get(pair.mentorId)!;
      const fellowUser = contacts.get(fellow.userId)!;
      await this.recordTransfer(run.cohort_id, fellow.userId, pairingIds.get(fellow.id)!, state, pair.mentorId);
      for (const [me, other, role, link] of [
        [fellowUser, mentor, 'mentor', 'mentoring'],
        [mentor, fellowUser, 'fellow', 'mentoring'],
      ] as const) {
        await this.outbox.enqueueEmail(manager, {
          template: 'pairing-approved',
          to: me.email,
          language: me.language,
          data: {
            fullName: me === fellowUser ? fellow.fullName : me.full_name,
            cohort: state.cohort.name,
            otherName: other === fellowUser ? fellow.fullName : other.full_name,
            otherRole: role,
            otherEmail: other.email,
            reasons: describeReasons(pair.reasons, me.language),
            link: `${this.config.PUBLIC_URL}/${link}`,
          },
        });
      }
    }
    await this.audit.record(manager, actor, {
      action: 'matching.approved',
      entityType: 'cohort',
      entityId: run.cohort_id,
      after: {
        runId: run.id,
        pairs: run.result.pairs.length,
        minScore: run.result.minScore,
        totalScore: run.result.totalScore,
      },
    });
  }

  /**
   * A fellow paired with a mentor abroad (the mentor's time zone is another country's) has their file
   * made available abroad: a row of the transfer register, in the approval's transaction.
   */
  private async recordTransfer(
    cohortId: string,
    fellowUserId: string,
    pairingId: string,
    state: MatchingState,
    mentorId: string,
  ): Promise<void> {
    const mentor = state.mentors.find((m) => m.id === mentorId);
    if (!mentor || !isAbroad(mentor.time_zone)) return;
    await this.transfers.record({
      subjectUserId: fellowUserId,
      cohortId,
      sourceKind: 'pairing',
      sourceId: pairingId,
      recipientKind: 'mentor',
      recipientName: mentor.organisation ? `${mentor.full_name} (${mentor.organisation})` : mentor.full_name,
      country: countryOfTimeZone(mentor.time_zone) ?? 'ZZ',
      categories: PAIRING_TRANSFER_CATEGORIES,
      basis: 'consent',
    });
  }
}

/** What a mentor receives of a fellow: who they are, how to reach them, their enterprise, their year and the sessions' notes. */
export const PAIRING_TRANSFER_CATEGORIES: readonly DataCategory[] = [
  'identity',
  'contact',
  'enterprise',
  'programme',
  'mentoring_notes',
];
