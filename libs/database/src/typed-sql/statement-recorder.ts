import type { EntityManager } from 'typeorm';

/**
 * An EntityManager stand-in for unit specs of typed statements (for tests only): records the SQL and parameters each
 * query sends, and answers `answer` as TypeORM's driver would for its kind (rows for a SELECT,
 * `[rows, count]` for an UPDATE or DELETE).
 */
export function statementRecorder(answer: unknown = []): {
  manager: EntityManager;
  sent: Array<{ sql: string; params: unknown[] }>;
} {
  const sent: Array<{ sql: string; params: unknown[] }> = [];
  const manager = {
    query: (sql: string, params: unknown[]) => {
      sent.push({ sql, params });
      return Promise.resolve(answer);
    },
  } as unknown as EntityManager;
  return { manager, sent };
}
