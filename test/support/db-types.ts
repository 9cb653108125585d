import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

const ROOT = join(__dirname, '../..');

/** The committed schema types every typed query is checked against (`npm run db:types` rewrites it). */
export const DB_TYPES_FILE = join(ROOT, 'libs/database/src/typed-sql/db.types.ts');

/**
 * Writes the Kysely types of a migrated database to `outFile`: kysely-codegen on the database,
 * then prettier with the project's settings (so the file passes `npm run lint` as written).
 * TypeORM's own bookkeeping table (migrations) is left out.
 */
export async function generateDbTypes(databaseUrl: string, outFile: string): Promise<string> {
  const run = promisify(execFile);
  await run(
    process.execPath,
    [
      join(ROOT, 'node_modules/kysely-codegen/dist/cli/bin.js'),
      '--dialect=postgres',
      `--url=${databaseUrl}`,
      `--out-file=${outFile}`,
      '--exclude-pattern=migrations',
      '--log-level=error',
    ],
    { cwd: ROOT },
  );
  // Prettier's CLI, not its API: the API loads its plugins with dynamic imports, which Jest's VM cannot run.
  await run(
    process.execPath,
    [
      join(ROOT, 'node_modules/prettier/bin/prettier.cjs'),
      '--config',
      join(ROOT, '.prettierrc.json'),
      '--write',
      outFile,
    ],
    { cwd: ROOT },
  );
  return readFile(outFile, 'utf8');
}
