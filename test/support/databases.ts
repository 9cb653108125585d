import { Client } from 'pg';

export const TEST_DATABASE_PREFIX = 'vgbf_test_';

/**
 * One id per Jest run (the pid of the process running globalSetup), in every database name of
 * the run, so runs sharing one PostgreSQL never drop each other's databases.
 */
export const TEST_RUN_ID = (process.env.VGBF_TEST_RUN_ID ??= String(process.pid));

/** The database every test file's database is cloned from (migrated once per run by global-setup). */
export const TEMPLATE_DATABASE = `${TEST_DATABASE_PREFIX}${TEST_RUN_ID}_template`;

/** The run id inside a test database name, to tell whether the run that made it is still alive. */
export function runIdOf(database: string): number | undefined {
  const match = new RegExp(`^${TEST_DATABASE_PREFIX}(\\d+)_`).exec(database);
  return match ? Number(match[1]) : undefined;
}

export function databaseUrl(base: string, database: string): string {
  const url = new URL(base);
  url.pathname = `/${database}`;
  return url.toString();
}

/** Runs statements on the server's maintenance database (CREATE/DROP DATABASE cannot run in the target). */
export async function onServer<T>(baseUrl: string, run: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: databaseUrl(baseUrl, 'postgres') });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

export const quoteIdent = (name: string): string => `"${name.replace(/"/g, '""')}"`;

export async function createDatabaseFromTemplate(baseUrl: string, name: string): Promise<string> {
  await onServer(baseUrl, (c) =>
    c.query(`CREATE DATABASE ${quoteIdent(name)} TEMPLATE ${quoteIdent(TEMPLATE_DATABASE)}`),
  );
  return databaseUrl(baseUrl, name);
}

/**
 * Drops a test database, ending its connections. FORCE cannot end an autovacuum worker (a process of
 * no role the test user could signal: "must be a member of the role whose process is being
 * terminated"), which a large seed sets off; a plain DROP DATABASE stops autovacuum itself, so that
 * is the fallback, after ending our own connections.
 */
export async function dropDatabase(baseUrl: string, name: string): Promise<void> {
  await onServer(baseUrl, async (c) => {
    for (let attempt = 1; ; attempt++) {
      try {
        await c.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
        return;
      } catch (error) {
        if (attempt === 5) throw error;
        await c.query(
          `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
            WHERE datname = $1 AND usename = current_user AND pid <> pg_backend_pid()`,
          [name],
        );
        const dropped = await c.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)}`).then(
          () => true,
          () => false,
        );
        if (dropped) return;
        await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
      }
    }
  });
}
