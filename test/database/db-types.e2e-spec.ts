import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDatabaseFromTemplate, dropDatabase } from '../support/databases';
import { DB_TYPES_FILE, generateDbTypes } from '../support/db-types';
import { serviceUrls } from '../support/env';
import { uniqueName } from '../support/test-app';

/**
 * The typed SQL (libs/database/src/typed-sql) is checked against db.types.ts; this proves that file
 * is the schema the migrations make. `npm run db:types` runs this file with VGBF_WRITE_DB_TYPES=1,
 * which writes the regenerated types instead of only comparing them.
 */
describe('Database types (libs/database/src/typed-sql/db.types.ts)', () => {
  const { databaseUrl: serverUrl } = serviceUrls();
  const name = uniqueName();
  let databaseUrl: string;
  let dir: string;

  beforeAll(async () => {
    databaseUrl = await createDatabaseFromTemplate(serverUrl, name);
    dir = await mkdtemp(join(tmpdir(), 'vgbf-db-types-'));
  });

  afterAll(async () => {
    await dropDatabase(serverUrl, name);
    await rm(dir, { recursive: true, force: true });
  });

  it('are the ones generated from the migrated database (run `npm run db:types` after a migration)', async () => {
    const fresh = join(dir, 'db.types.ts');
    const generated = await generateDbTypes(databaseUrl, fresh);
    if (process.env.VGBF_WRITE_DB_TYPES === '1') await copyFile(fresh, DB_TYPES_FILE);
    expect(generated).toContain('export interface DB {');
    expect(await readFile(DB_TYPES_FILE, 'utf8')).toBe(generated);
  });

  it('name only tables and views that config/tables.json gives an owner (add a new one there)', async () => {
    const text = await readFile(DB_TYPES_FILE, 'utf8');
    const db = /export interface DB \{([^}]*)\}/.exec(text)?.[1] ?? '';
    const relations = [...db.matchAll(/^\s+([a-z_0-9]+):/gm)].map((m) => m[1]);
    const map = JSON.parse(await readFile(join(__dirname, '../../config/tables.json'), 'utf8')) as {
      libs: Record<string, { tables: string[]; views: string[] }>;
    };
    const owned = new Set(Object.values(map.libs).flatMap(({ tables, views }) => [...tables, ...views]));
    expect(relations.length).toBeGreaterThan(40);
    expect(relations.filter((name) => !owned.has(name))).toEqual([]);
  });

  it('give other modules no credential through a view (user_accounts_v says has_password, never the hash)', async () => {
    const text = await readFile(DB_TYPES_FILE, 'utf8');
    const views = [...text.matchAll(/export interface (\w+V) \{([^}]*)\}/g)];
    const columns = views.flatMap(([, view, body]) =>
      [...body.matchAll(/^\s+([a-z_0-9]+):/gm)].map((m) => `${view}.${m[1]}`),
    );
    expect(views.length).toBeGreaterThan(15);
    expect(columns).toContain('UserAccountsV.has_password');
    expect(columns.filter((c) => /password_hash|token|secret/.test(c))).toEqual([]);
  });
});
