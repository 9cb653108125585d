import type { Compilable, InferResult, RootOperationNode } from 'kysely';
import type { EntityManager } from 'typeorm';

/** Stands for argument `index` while the query is built once. */
class Placeholder {
  constructor(readonly index: number) {}
}

/** Rows of a UPDATE/DELETE come back from TypeORM's driver as [rows, affected count]. */
function rowsOf(node: RootOperationNode, result: unknown): unknown[] {
  if (node.kind === 'UpdateQueryNode' || node.kind === 'DeleteQueryNode') {
    return (result as [unknown[], number])[0];
  }
  return result as unknown[];
}

export interface PreparedQuery<A extends unknown[], Q extends Compilable> {
  /** The SQL (built once) and this call's parameters. */
  compile(...args: A): { sql: string; parameters: unknown[] };
  /** Runs on the caller's EntityManager (its transaction, if any) and returns the rows. */
  all(manager: EntityManager, ...args: A): Promise<InferResult<Q>>;
  /** The first row, or undefined. */
  first(manager: EntityManager, ...args: A): Promise<InferResult<Q>[number] | undefined>;
}

/**
 * A typed query built and compiled once, on first use; each call sends that SQL with its own values.
 * For the hottest paths (the session lookup of every signed-in request), where building and compiling
 * the Kysely query again cost ≈ 40 µs per request. `build` gets stand-ins for its arguments, so every
 * argument must be a plain value of the query (a parameter, never a name or a branch of its shape):
 * building refuses an argument that does not end up as a parameter, or one that leaks into the SQL.
 */
export function preparedQuery<A extends unknown[], Q extends Compilable>(
  build: (...args: A) => Q,
): PreparedQuery<A, Q> {
  let prepared: { sql: string; node: RootOperationNode; slots: unknown[] } | undefined;
  const prepare = () => {
    if (prepared) return prepared;
    const placeholders = Array.from({ length: build.length }, (_, i) => new Placeholder(i));
    const refused = (detail: string, cause?: unknown) =>
      new Error(`preparedQuery: arguments ${detail} are not plain parameters of the query`, { cause });
    let compiled: ReturnType<Q['compile']>;
    try {
      compiled = build(...(placeholders as A)).compile() as ReturnType<Q['compile']>;
    } catch (error) {
      throw refused('used as names or shape', error);
    }
    const used = new Set(compiled.parameters.filter((p) => p instanceof Placeholder).map((p) => p.index));
    const unused = placeholders.filter((p) => !used.has(p.index)).map((p) => p.index);
    if (unused.length || compiled.sql.includes('[object Object]')) {
      throw refused(unused.join(', ') || 'leaking into the SQL');
    }
    prepared = { sql: compiled.sql, node: compiled.query, slots: [...compiled.parameters] };
    return prepared;
  };
  const compile = (...args: A) => {
    const { sql, slots } = prepare();
    return { sql, parameters: slots.map((slot) => (slot instanceof Placeholder ? args[slot.index] : slot)) };
  };
  const all = async (manager: EntityManager, ...args: A) => {
    const { sql, parameters } = compile(...args);
    const result: unknown = await manager.query(sql, parameters);
    return rowsOf(prepare().node, result) as InferResult<Q>;
  };
  return {
    compile,
    all,
    first: async (manager, ...args) => ((await all(manager, ...args)) as Array<InferResult<Q>[number]>)[0],
  };
}
