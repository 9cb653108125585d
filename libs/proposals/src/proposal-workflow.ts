import { Injectable } from '@nestjs/common';
import { NotFoundError } from '@vgbf/core';
import { Transactions, lockInOrder } from '@vgbf/database';
import type { EntityManager } from 'typeorm';
import { type ConfirmationPolicy, confirmVerdict } from './confirmation-gate';
import type { ProposalRun, ProposalRuns } from './proposal-runs';

/**
 * What one use (selection, placement, matching) gives the workflow: where its runs live, how its
 * confirmations relate, its own refusals, and how it reads the state a run stands on.
 */
export interface ProposalUse<State, Settings, Input extends Settings & object, Result extends object> {
  runs: ProposalRuns<Input, Result>;
  policy: ConfirmationPolicy;
  /** Whether confirming one run supersedes the cohort's other open proposals. */
  supersedeOnConfirm: boolean;
  /** The use's own errors for a refused confirmation. */
  refusals: {
    /** `once`: the cohort is already confirmed. */
    confirmed: () => Error;
    /** `once`: a newer proposal replaced this one. */
    superseded: () => Error;
    /** `each`: this run is no longer proposed. */
    closed: (status: string) => Error;
  };
  /**
   * Reads what a run of these settings stands on, under the cohort's lock: for a new proposal, and
   * for confirming `run` (given then, for a use whose state depends on the run's answer).
   */
  load(manager: EntityManager, cohortId: string, settings: Settings, run?: ProposalRun<Input, Result>): Promise<State>;
  /** The input stored with a new run: the settings, and the state's fingerprint where the use keeps one. */
  record(settings: Settings, state: State): Input;
  /** Why a stored run no longer fits the state (its error), or null when it still does. */
  stale(manager: EntityManager, run: ProposalRun<Input, Result>, state: State): Promise<Error | null> | Error | null;
}

/**
 * The one propose → confirm workflow: the cohort row serialises proposals and confirmations of
 * its runs; a proposal supersedes the open ones; a confirmation is refused when the run is closed
 * or stale, else the use applies it and the run is marked confirmed — all in one transaction.
 */
@Injectable()
export class ProposalWorkflow {
  constructor(private readonly transactions: Transactions) {}

  /**
   * Locks the cohort row (or 404): the one lock every proposal and confirmation of a cohort takes
   * first, before the rows it then reads or writes (fellows, pairings, offers): level 2 of lock-order.ts.
   */
  async lockCohort(manager: EntityManager, cohortId: string): Promise<void> {
    const [found] = await lockInOrder(manager, [{ table: 'cohorts', ids: [cohortId] }]);
    if (!found) throw new NotFoundError('Cohort', cohortId);
  }

  /** Stores a new proposal, superseding the cohort's open ones. */
  async store<Input extends object, Result extends object>(
    manager: EntityManager,
    runs: ProposalRuns<Input, Result>,
    run: { cohortId: string; input: Input; result: Result; createdBy: string },
  ): Promise<ProposalRun<Input, Result>> {
    await runs.supersedeOpen(manager, run.cohortId);
    return runs.insert(manager, run);
  }

  /**
   * Under the cohort's lock: refuses when a `once` cohort is confirmed, reads the state, lets the
   * use's solver answer (it throws the use's own refusals), stores the answer; `view` shapes it.
   */
  propose<State, Settings, Input extends Settings & object, Result extends object, View>(
    use: ProposalUse<State, Settings, Input, Result>,
    request: { cohortId: string; settings: Settings; actorId: string },
    solve: (state: State) => Result,
    view: (run: ProposalRun<Input, Result>, state: State) => View,
  ): Promise<View> {
    const { cohortId, settings } = request;
    return this.transactions.run(async (manager) => {
      await this.lockCohort(manager, cohortId);
      if (use.policy === 'once' && (await use.runs.hasConfirmed(manager, cohortId))) throw use.refusals.confirmed();
      const state = await use.load(manager, cohortId, settings);
      const result = solve(state);
      const input = use.record(settings, state);
      const run = await this.store(manager, use.runs, { cohortId, input, result, createdBy: request.actorId });
      return view(run, state);
    });
  }

  /**
   * Under the cohort's lock: the run must be open and not stale; then `apply` makes it real (the
   * use's writes, emails and audit), the run is marked confirmed, and `done` shapes the answer.
   */
  confirm<State, Settings, Input extends Settings & object, Result extends object, View>(
    use: ProposalUse<State, Settings, Input, Result>,
    request: { cohortId: string; id: string; actorId: string; now: () => Date },
    apply: (manager: EntityManager, run: ProposalRun<Input, Result>, state: State, now: Date) => Promise<void>,
    done: (manager: EntityManager, run: ProposalRun<Input, Result>, state: State) => Promise<View>,
  ): Promise<View> {
    const { cohortId, id } = request;
    return this.transactions.run(async (manager) => {
      await this.lockCohort(manager, cohortId);
      const run = await use.runs.get(manager, cohortId, id);
      const cohortHasConfirmed = use.policy === 'once' && (await use.runs.hasConfirmed(manager, cohortId));
      const verdict = confirmVerdict(run.status, use.policy, cohortHasConfirmed);
      if (verdict === 'confirmed') throw use.refusals.confirmed();
      if (verdict === 'superseded') throw use.refusals.superseded();
      if (verdict === 'closed') throw use.refusals.closed(run.status);
      const state = await use.load(manager, cohortId, run.input, run);
      const stale = await use.stale(manager, run, state);
      if (stale) throw stale;

      const now = request.now();
      await apply(manager, run, state, now);
      if (use.supersedeOnConfirm) await use.runs.supersedeOpen(manager, cohortId);
      await use.runs.markConfirmed(manager, run.id, request.actorId, now);
      return done(manager, await use.runs.get(manager, cohortId, id), state);
    });
  }
}
