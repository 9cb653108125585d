import { runQuery, typedSql } from '@vgbf/database';
import { sql } from 'kysely';
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
  constructor(private readonly spec: ConstraintTableSpec) {}

  /** The columns of a constraint, as `LockOrForbid`. */
  private columns() {
    return [
      sql.ref<string>(this.spec.subject).as('subjectId'),
      sql.ref<string>(this.spec.target).as('targetId'),
      sql.ref<LockOrForbid['kind']>('kind').as('kind'),
      sql.ref<string | null>('note').as('note'),
    ];
  }

  /** Every constraint of the cohort's subjects, by subject then target. */
  forCohort(manager: EntityManager, cohortId: string): Promise<LockOrForbid[]> {
    const { table, subject, target } = this.spec;
    return runQuery(
      manager,
      typedSql
        .selectFrom(table)
        .select(this.columns())
        .where('cohort_id', '=', cohortId)
        .orderBy(sql.ref(subject))
        .orderBy(sql.ref(target))
        .$castTo<LockOrForbid>(),
    );
  }

  /** Every constraint of these subjects, by subject then target. */
  forSubjects(manager: EntityManager, subjectIds: readonly string[]): Promise<LockOrForbid[]> {
    const { table, subject, target } = this.spec;
    return runQuery(
      manager,
      typedSql
        .selectFrom(table)
        .select(this.columns())
        .where(sql<boolean>`${sql.ref(subject)} = ANY(${subjectIds})`)
        .orderBy(sql.ref(subject))
        .orderBy(sql.ref(target))
        .$castTo<LockOrForbid>(),
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
    const before = await runQuery(
      manager,
      typedSql
        .deleteFrom(table)
        .where(sql<boolean>`${sql.ref(subject)} = ${change.subjectId}`)
        .returning(this.columns())
        .$castTo<LockOrForbid>(),
    );
    const after = constraintRows(change.subjectId, change.set, change.note);
    if (after.length)
      await runQuery(
        manager,
        typedSql
          .insertInto(table)
          .columns(['cohort_id', subject, target, 'kind', 'note', 'created_by'] as never)
          .expression(
            sql`SELECT ${change.cohortId}, ${change.subjectId}, r.target, r.kind, ${change.note}, ${change.actorId}
                  FROM jsonb_to_recordset(${JSON.stringify(after.map((r) => ({ target: r.targetId, kind: r.kind })))}::jsonb)
                    AS r(target uuid, kind text)`,
          ),
      );
    return { before, after };
  }

  /** Forbids one pair from now on, whatever it was before (a lock becomes a forbid), with a note. */
  async forbid(
    manager: EntityManager,
    pair: { cohortId: string; subjectId: string; targetId: string; note: string; actorId: string },
  ): Promise<void> {
    const { table, subject, target } = this.spec;
    await runQuery(
      manager,
      typedSql
        .insertInto(table)
        .values({
          cohort_id: pair.cohortId,
          [subject]: pair.subjectId,
          [target]: pair.targetId,
          kind: 'forbid',
          note: pair.note,
          created_by: pair.actorId,
        } as never)
        .onConflict((oc) =>
          oc
            .columns([subject, target] as never)
            .doUpdateSet({ kind: 'forbid', note: sql.ref('excluded.note') } as never),
        ),
    );
  }
}
