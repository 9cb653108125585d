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
    // A preparedQuery sends a named statement ({ name, text }); its SQL is the text.
    query: (query: string | { text: string }, params: unknown[]) => {
      sent.push({ sql: typeof query === 'string' ? query : query.text, params });
      return Promise.resolve(answer);
    },
  } as unknown as EntityManager;
  return { manager, sent };
}
