import { type Compilable, type RawBuilder, sql } from 'kysely';
import type { DB } from './db.types';
import { typedSql } from './typed-sql';

/** A relation under an alias in a `sql` template: `r('column')` is `alias.column`, checked against db.types.ts. */
export interface AliasedRelation<T extends keyof DB> {
  <C extends keyof DB[T] & string>(column: C): RawBuilder<DB[T][C]>;
  /** `relation AS alias`, for FROM and JOIN. */
  readonly table: RawBuilder<unknown>;
}

/**
 * For statements the builder cannot say well (CTEs with window totals, jsonb): a Kysely `sql`
 * template whose every schema column goes through one of these, so renaming or dropping a column it
 * reads fails `tsc` as for the builder's queries. A lib names only its own tables and others' views
 * (the foreign-table test reads `relation('name'`); a lib may narrow `T` further (reports do).
 */
export function relation<T extends keyof DB>(name: T, alias: string): AliasedRelation<T> {
  const column = <C extends keyof DB[T] & string>(c: C): RawBuilder<DB[T][C]> => sql.ref(`${alias}.${c}`);
  return Object.assign(column, { table: sql`${sql.table(name)} AS ${sql.id(alias)}` });
}

/** A `sql` template as a query `runQuery` runs (compiled by the typed builder, no connection of its own). */
export function statement<O>(raw: RawBuilder<O>): Compilable<O> {
  return { compile: () => raw.compile(typedSql) };
}
