import 'reflect-metadata';
import { dataSourceOptions } from '@vgbf/database';
import { DataSource } from 'typeorm';
import { ENTITIES } from '../../apps/api/src/entities';
import { TEMPLATE_DATABASE, TEST_DATABASE_PREFIX, databaseUrl, onServer, quoteIdent, runIdOf } from './databases';
import { serviceUrls } from './env';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Once per run: a fresh template database with every migration applied. Each test file then
 * clones it (CREATE DATABASE … TEMPLATE, ~100 ms), so files run in parallel and start clean.
 */
export default async function globalSetup(): Promise<void> {
  const { databaseUrl: baseUrl } = serviceUrls();
  await onServer(baseUrl, async (client) => {
    // Leftovers of interrupted earlier runs (whose process is gone) on this server; live runs keep theirs.
    const { rows } = await client.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [
      `${TEST_DATABASE_PREFIX}%`,
    ]);
    for (const { datname } of rows) {
      const runId = runIdOf(datname);
      if (runId === undefined || !isAlive(runId)) {
        await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(datname)} WITH (FORCE)`);
      }
    }
    await client.query(`CREATE DATABASE ${quoteIdent(TEMPLATE_DATABASE)}`);
  });
  const dataSource = new DataSource(
    dataSourceOptions({ DATABASE_URL: databaseUrl(baseUrl, TEMPLATE_DATABASE), DATABASE_POOL_SIZE: 2 }, ENTITIES),
  );
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await dataSource.destroy();
  }
}
