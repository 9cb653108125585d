import type { EntityManager } from 'typeorm';
import type { ConstraintTableName } from './proposal-tables';
import { type LockOrForbid, type LocksAndForbids, constraintRows } from './locks-and-forbids';

/**
 * Where a use keeps its locks and forbids: a table the use's module owns (placement_constraints:
 * fellow → hub, matching_constraints: fellow → mentor), each of the same shape: cohort_id, a subject
 * column, a target column, kind ('lock' | 'forbid'), note, created_by, unique (subject, target) and
 * one lock per subject. Names are constants of the use's code, never user input: they are written
 * into the SQL; the compiler checks them against the schema (`ConstraintTableName`).
 */
export type ConstraintTableSpec = ConstraintTableName;

/** Reads and replaces the locks and forbids of one use, through the one model of `LockOrForbid`. */
export class ConstraintTable {
  private readonly columns: string;

  constructor(private readonly spec: ConstraintTableSpec) {
    this.columns = `${spec.subject} AS "subjectId", ${spec.target} AS "targetId", kind, note`;
  }

  /** Every constraint of the cohort's subjects, by subject then target. */
  forCohort(manager: EntityManager, cohortId: string): Promise<LockOrForbid[]> {
    const { table, subject, target } = this.spec;
    return manager.query<LockOrForbid[]>(
      `SELECT ${this.columns} FROM ${table} WHERE cohort_id = $1 ORDER BY ${subject}, ${target}`,
      [cohortId],
    );
  }

  /** Every constraint of these subjects, by subject then target. */
  forSubjects(manager: EntityManager, subjectIds: readonly string[]): Promise<LockOrForbid[]> {
    const { table, subject, target } = this.spec;
    return manager.query<LockOrForbid[]>(
      `SELECT ${this.columns} FROM ${table} WHERE ${subject} = ANY($1) ORDER BY ${subject}, ${target}`,
      [subjectIds],
    );
  }

  /**
   * Replaces one subject's constraints as a whole; returns the ones it replaced (for the audit) and
   * the ones now in force. The caller has validated `set` and locked the subject.
   */
  async replace(
    manager: EntityManager,
    change: { cohortId: string; subjectId: string; set: LocksAndForbids; note: string | null; actorId: string },
  ): Promise<{ before: LockOrForbid[]; after: LockOrForbid[] }> {
    const { table, subject, target } = this.spec;
    const before = await manager.query<LockOrForbid[]>(
      `DELETE FROM ${table} WHERE ${subject} = $1 RETURNING ${this.columns}`,
      [change.subjectId],
    );
    const after = constraintRows(change.subjectId, change.set, change.note);
    if (after.length)
      await manager.query(
        `INSERT INTO ${table} (cohort_id, ${subject}, ${target}, kind, note, created_by)
         SELECT $1, $2, r.target, r.kind, $4, $5 FROM jsonb_to_recordset($3::jsonb) AS r(target uuid, kind text)`,
        [
          change.cohortId,
          change.subjectId,
          JSON.stringify(after.map((r) => ({ target: r.targetId, kind: r.kind }))),
          change.note,
          change.actorId,
        ],
      );
    return { before, after };
  }

  /** Forbids one pair from now on, whatever it was before (a lock becomes a forbid), with a note. */
  async forbid(
    manager: EntityManager,
    pair: { cohortId: string; subjectId: string; targetId: string; note: string; actorId: string },
  ): Promise<void> {
    const { table, subject, target } = this.spec;
    await manager.query(
      `INSERT INTO ${table} (cohort_id, ${subject}, ${target}, kind, note, created_by)
       VALUES ($1, $2, $3, 'forbid', $4, $5)
       ON CONFLICT (${subject}, ${target}) DO UPDATE SET kind = 'forbid', note = EXCLUDED.note`,
      [pair.cohortId, pair.subjectId, pair.targetId, pair.note, pair.actorId],
    );
  }
}
