import { NotFoundError } from '@vgbf/core';
import { runQuery, runQueryFirst, typedSql } from '@vgbf/database';
import { sql } from 'kysely';
import type { EntityManager } from 'typeorm';
import type { RunTable } from './proposal-tables';

/** A run's life: proposed, then confirmed (approved, for matching) or superseded by a newer proposal. */
export type ProposalStatus = 'proposed' | 'superseded' | 'confirmed' | 'approved';

/**
 * Where a use keeps its runs: a table the use's module owns (selection_runs, placement_runs,
 * matching_runs), each of the same shape: cohort_id, input and result (jsonb), status,
 * created_by/created_at and the confirmation's by/at columns. The kernel names no table itself. The
 * table (a constant of the use's code, never user input: it is written into the SQL) and its
 * confirmation status (`<status>_by`, `<status>_at`) are checked against the schema (`RunTable`).
 */
export type ProposalTableSpec = RunTable & {
  /** Named in the 404 of an unknown run ("Proposal", "Selection proposal"). */
  label: string;
};

/** One stored run, whatever its table: the confirmation's columns read as `confirmed_*`. */
export interface ProposalRun<Input, Result> {
  id: string;
  cohort_id: string;
  status: ProposalStatus;
  input: Input;
  result: Result;
  created_by: string;
  created_at: Date;
  confirmed_by: string | null;
  confirmed_at: Date | null;
}

/** Reads and writes the runs of one use. */
export class ProposalRuns<Input extends object, Result extends object> {
  constructor(readonly spec: ProposalTableSpec) {}

  /** The run's columns, the confirmation's read as `confirmed_*` (`approved_*` for matching). */
  private runs() {
    const c = this.spec.confirmed;
    return typedSql
      .selectFrom(this.spec.table)
      .select([
        'id',
        'cohort_id',
        'status',
        'input',
        'result',
        'created_by',
        'created_at',
        sql.ref<string | null>(`${c}_by`).as('confirmed_by'),
        sql.ref<Date | null>(`${c}_at`).as('confirmed_at'),
      ])
      .$castTo<ProposalRun<Input, Result>>();
  }

  /** The run, which must belong to the cohort (else a 404 naming the spec's label). */
  async get(manager: EntityManager, cohortId: string, id: string): Promise<ProposalRun<Input, Result>> {
    const run = await runQueryFirst(manager, this.runs().where('id', '=', id).where('cohort_id', '=', cohortId));
    if (!run) throw new NotFoundError(this.spec.label, id);
    return run;
  }

  /** The run a cohort's page shows: the confirmed one first (when `withConfirmed`), else the newest open one. */
  current(
    manager: EntityManager,
    cohortId: string,
    withConfirmed: boolean,
  ): Promise<ProposalRun<Input, Result> | undefined> {
    const statuses = withConfirmed ? ['proposed', this.spec.confirmed] : ['proposed'];
    return runQueryFirst(
      manager,
      this.runs()
        .where('cohort_id', '=', cohortId)
        .where((eb) => eb('status', '=', eb.fn.any(eb.val(statuses))))
        .orderBy((eb) => eb('status', '=', this.spec.confirmed), 'desc')
        .orderBy('created_at', 'desc')
        .limit(1),
    );
  }

  async hasConfirmed(manager: EntityManager, cohortId: string): Promise<boolean> {
    const row = await runQueryFirst(
      manager,
      typedSql
        .selectFrom(this.spec.table)
        .select(sql<number>`1`.as('one'))
        .where('cohort_id', '=', cohortId)
        .where('status', '=', this.spec.confirmed)
        .limit(1),
    );
    return row !== undefined;
  }

  /** Every open proposal of the cohort becomes superseded. */
  async supersedeOpen(manager: EntityManager, cohortId: string): Promise<void> {
    await runQuery(
      manager,
      typedSql
        .updateTable(this.spec.table)
        .set({ status: 'superseded' })
        .where('cohort_id', '=', cohortId)
        .where('status', '=', 'proposed'),
    );
  }

  async insert(
    manager: EntityManager,
    run: { cohortId: string; input: Input; result: Result; createdBy: string },
  ): Promise<ProposalRun<Input, Result>> {
    const c = this.spec.confirmed;
    const [row] = await runQuery(
      manager,
      typedSql
        .insertInto(this.spec.table)
        .values({
          cohort_id: run.cohortId,
          input: JSON.stringify(run.input),
          result: JSON.stringify(run.result),
          created_by: run.createdBy,
        })
        .returning([
          'id',
          'cohort_id',
          'status',
          'input',
          'result',
          'created_by',
          'created_at',
          sql.ref<string | null>(`${c}_by`).as('confirmed_by'),
          sql.ref<Date | null>(`${c}_at`).as('confirmed_at'),
        ])
        .$castTo<ProposalRun<Input, Result>>(),
    );
    return row;
  }

  async markConfirmed(manager: EntityManager, id: string, actorId: string, now: Date): Promise<void> {
    const c = this.spec.confirmed;
    await runQuery(
      manager,
      typedSql
        .updateTable(this.spec.table)
        .set({ status: c })
        .set(sql.ref(`${c}_by`), actorId)
        .set(sql.ref(`${c}_at`), now)
        .where('id', '=', id),
    );
  }
}
