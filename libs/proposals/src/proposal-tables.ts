import type { Database } from '@vgbf/database';

/** The columns of a table, as db.types.ts (the migrated schema) has them. */
export type ColumnOf<T extends keyof Database> = keyof Database[T] & string;

/** What every runs table has: the kernel reads and writes these. */
type RunColumn = 'id' | 'cohort_id' | 'status' | 'input' | 'result' | 'created_by' | 'created_at';

/** The confirmation statuses whose `<status>_by` and `<status>_at` columns the table has. */
type ConfirmedOf<T extends keyof Database> = {
  [C in 'confirmed' | 'approved']: `${C}_by` | `${C}_at` extends ColumnOf<T> ? C : never;
}['confirmed' | 'approved'];

/**
 * A runs table of the schema and its confirmation status, checked by the compiler: a table that lost
 * (or renamed) a column the kernel uses is no longer one, so the use naming it fails to compile.
 */
export type RunTable = {
  [T in keyof Database]: RunColumn extends ColumnOf<T> ? { table: T; confirmed: ConfirmedOf<T> } : never;
}[keyof Database];

/** What every constraints table has besides its subject and target columns. */
type ConstraintColumn = 'cohort_id' | 'kind' | 'note' | 'created_by';

/** A constraints table of the schema with two of its columns as subject and target, checked by the compiler. */
export type ConstraintTableName = {
  [T in keyof Database]: ConstraintColumn extends ColumnOf<T>
    ? { table: T; subject: ColumnOf<T>; target: ColumnOf<T> }
    : never;
}[keyof Database];
