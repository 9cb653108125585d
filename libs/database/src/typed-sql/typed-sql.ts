import { createHash } from 'node:crypto';
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
import { type EntityManager, QueryFailedError } from 'typeorm';
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

/** Stands for a value given at run time in a query built once by `preparedQuery`. */
class Slot {
  constructor(readonly name: string) {}
}

/** `arg(name)` in a prepared query's builder: the value of `name` in each call (typed as that value). */
export type QueryArg<Args extends Record<string, unknown>> = <K extends keyof Args & string>(name: K) => Args[K];

/**
 * A statement prepared by name on each connection that runs it (node-postgres parses it there once and
 * then sends only its values): `text` as compiled, `name` derived from the text, so one text has one
 * name on every connection and two texts never share one. TypeORM's query runner hands it to pg as is.
 */
export interface NamedStatement {
  readonly name: string;
  readonly text: string;
}

/** The name a prepared statement of this SQL text gets on every connection. */
export function statementName(text: string): string {
  return `vgbf_${createHash('sha256').update(text).digest('hex').slice(0, 32)}`;
}

/**
 * A typed query built and compiled once (at module load) and run with new values on every call: for
 * the hot paths (the submit, the outbox), where building and compiling per call would cost CPU, yet
 * renaming a column must still fail the build. `build` gets `arg(name)`, which stands for the value
 * `args[name]` of each call (annotate it, `(arg: QueryArg<{ id: string }>) => …`, to type the call). The shape is fixed: an `arg` is always one parameter (an array goes in as
 * one, e.g. `= ANY(${arg('ids')})`, never `in`), and a constant in `build` stays that constant.
 * It runs as a named prepared statement (NamedStatement): PostgreSQL parses and plans it once per
 * connection instead of on every call (for the submit's statements about a fifth of their server CPU).
 */
export function preparedQuery<Args extends Record<string, unknown>, Q extends Compilable>(
  build: (arg: QueryArg<Args>) => Q,
): (manager: EntityManager, args: Args) => Promise<InferResult<Q>> {
  let compiled: ReturnType<Q['compile']>;
  try {
    compiled = build((name) => new Slot(name) as never).compile() as ReturnType<Q['compile']>;
  } catch (error) {
    throw new Error('preparedQuery: an argument is used as a name or shapes the query; arguments are parameters only', {
      cause: error,
    });
  }
  if (compiled.sql.includes('[object Object]')) {
    throw new Error('preparedQuery: an argument leaked into the SQL text; arguments are parameters only');
  }
  const values = compiled.parameters.map((value) =>
    value instanceof Slot ? (args: Args) => args[value.name] : () => value,
  );
  const statement: NamedStatement = { name: statementName(compiled.sql), text: compiled.sql };
  return async (manager, args) => {
    const params = values.map((value) => value(args));
    const pg = pgOf(manager);
    if (pg) {
      try {
        return (await pg.query({ name: statement.name, text: statement.text, values: params })).rows as InferResult<Q>;
      } catch (error) {
        throw new QueryFailedError(statement.text, params, error as Error); // as TypeORM's query runner throws
      }
    }
    // TypeORM types the query as a string but passes it to pg's client.query untouched: pg takes the
    // { name, text } config and the values beside it.
    const result: unknown = await manager.query(statement as unknown as string, params);
    return rowsOf(compiled.query, result) as InferResult<Q>;
  };
}

/** What node-postgres's client and pool have in common: a query from its config. */
interface PgQueryable {
  query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }>;
}

/**
 * The node-postgres connection a prepared statement runs on directly: the transaction's client (the
 * manager's query runner, connected and not released), or the pool when the manager has no runner.
 * TypeORM's query runner only adds, per statement, its query events (no subscriber listens to them),
 * query logging (off) and a runner built for a pool query: measurable on the submit's seven
 * statements. Anything else (a runner not yet connected, a test double) goes through manager.query.
 */
function pgOf(manager: EntityManager): PgQueryable | undefined {
  type Driver = { options: { type: string }; master?: PgQueryable };
  const runner = manager.queryRunner as
    { isReleased: boolean; databaseConnection?: PgQueryable; driver: Driver } | undefined;
  if (runner) {
    return !runner.isReleased && runner.driver.options.type === 'postgres' ? runner.databaseConnection : undefined;
  }
  const driver = (manager as { dataSource?: { driver?: Driver } }).dataSource?.driver;
  return driver?.options.type === 'postgres' ? driver.master : undefined;
}
