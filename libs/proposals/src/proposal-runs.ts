import { NotFoundError } from '@vgbf/core';
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
  private readonly columns: string;

  constructor(readonly spec: ProposalTableSpec) {
    const c = spec.confirmed;
    this.columns = `id, cohort_id, status, input, result, created_by, created_at,
                    ${c}_by AS confirmed_by, ${c}_at AS confirmed_at`;
  }

  /** The run, which must belong to the cohort (else a 404 naming the spec's label). */
  async get(manager: EntityManager, cohortId: string, id: string): Promise<ProposalRun<Input, Result>> {
    const [run] = await manager.query<Array<ProposalRun<Input, Result>>>(
      `SELECT ${this.columns} FROM ${this.spec.table} WHERE id = $1 AND cohort_id = $2`,
      [id, cohortId],
    );
    if (!run) throw new NotFoundError(this.spec.label, id);
    return run;
  }

  /** The run a cohort's page shows: the confirmed one first (when `withConfirmed`), else the newest open one. */
  async current(
    manager: EntityManager,
    cohortId: string,
    withConfirmed: boolean,
  ): Promise<ProposalRun<Input, Result> | undefined> {
    const [run] = await manager.query<Array<ProposalRun<Input, Result>>>(
      `SELECT ${this.columns} FROM ${this.spec.table}
        WHERE cohort_id = $1 AND status = ANY($2)
        ORDER BY (status = $3) DESC, created_at DESC LIMIT 1`,
      [cohortId, withConfirmed ? ['proposed', this.spec.confirmed] : ['proposed'], this.spec.confirmed],
    );
    return run;
  }

  async hasConfirmed(manager: EntityManager, cohortId: string): Promise<boolean> {
    const [row] = await manager.query<unknown[]>(
      `SELECT 1 FROM ${this.spec.table} WHERE cohort_id = $1 AND status = $2 LIMIT 1`,
      [cohortId, this.spec.confirmed],
    );
    return row !== undefined;
  }

  /** Every open proposal of the cohort becomes superseded. */
  async supersedeOpen(manager: EntityManager, cohortId: string): Promise<void> {
    await manager.query(
      `UPDATE ${this.spec.table} SET status = 'superseded' WHERE cohort_id = $1 AND status = 'proposed'`,
      [cohortId],
    );
  }

  async insert(
    manager: EntityManager,
    run: { cohortId: string; input: Input; result: Result; createdBy: string },
  ): Promise<ProposalRun<Input, Result>> {
    const [row] = await manager.query<Array<ProposalRun<Input, Result>>>(
      `INSERT INTO ${this.spec.table} (cohort_id, input, result, created_by) VALUES ($1, $2, $3, $4)
       RETURNING ${this.columns}`,
      [run.cohortId, JSON.stringify(run.input), JSON.stringify(run.result), run.createdBy],
    );
    return row;
  }

  async markConfirmed(manager: EntityManager, id: string, actorId: string, now: Date): Promise<void> {
    const c = this.spec.confirmed;
    await manager.query(`UPDATE ${this.spec.table} SET status = $4, ${c}_by = $2, ${c}_at = $3 WHERE id = $1`, [
      id,
      actorId,
      now,
      c,
    ]);
  }
}
