import {
  DummyDriver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type Compilable,
  type InferResult,
  type RootOperationNode,
} from 'kysely';
import type { EntityManager } from 'typeorm';
import type { DB } from './db.types';

/**
 * The typed query builder: Kysely over the schema generated from the migrated database
 * (db.types.ts, `npm run db:types`). It only builds and compiles SQL — it has no connection of its
 * own (Kysely's DummyDriver); `runQuery` executes the compiled SQL on the caller's TypeORM
 * EntityManager, so a typed query joins the caller's transaction and uses the one pool.
 */
export const typedSql = new Kysely<DB>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (db) => new PostgresIntrospector(db),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
});

export type Database = DB;

/** Rows of a UPDATE/DELETE come back from TypeORM's driver as [rows, affected count]. */
function rowsOf(node: RootOperationNode, result: unknown): unknown[] {
  if (node.kind === 'UpdateQueryNode' || node.kind === 'DeleteQueryNode') {
    return (result as [unknown[], number])[0];
  }
  return result as unknown[];
}

/** Runs a typed query on the caller's EntityManager (its transaction, if any) and returns its rows. */
export async function runQuery<Q extends Compilable>(manager: EntityManager, query: Q): Promise<InferResult<Q>> {
  const compiled = query.compile();
  const result: unknown = await manager.query(compiled.sql, [...compiled.parameters]);
  return rowsOf(compiled.query, result) as InferResult<Q>;
}

/** The first row of a typed query, or undefined. */
export async function runQueryFirst<Q extends Compilable>(
  manager: EntityManager,
  query: Q,
): Promise<InferResult<Q>[number] | undefined> {
  const rows = (await runQuery(manager, query)) as Array<InferResult<Q>[number]>;
  return rows[0];
}
