import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { createDatabaseFromTemplate, dropDatabase } from '../support/databases';
import { DB_TYPES_FILE, generateDbTypes } from '../support/db-types';
import { serviceUrls } from '../support/env';
import { uniqueName } from '../support/test-app';

const ROOT = join(__dirname, '../..');
/** Queries of planned_sessions (all typed: mentoring's data-access, no raw SQL names the table elsewhere). */
const PROBE = 'libs/mentoring/src/data-access/planned-sessions.ts';

/** One column per module whose SQL used to be raw strings, and the data-access file that uses it. */
const RENAMES = [
  { table: 'reviews', column: 'weighted_score', file: 'libs/committee/src/data-access/board.ts' },
  { table: 'milestone_extensions', column: 'reason', file: 'libs/milestones/src/data-access/timelines.ts' },
  { table: 'application_notes', column: 'body', file: 'libs/applications/src/data-access/staff-notes.ts' },
  { table: 'outbox', column: 'last_error', file: 'libs/outbox/src/data-access/outbox-delivery.ts' },
  { table: 'at_risk_acknowledgements', column: 'note', file: 'libs/reports/src/data-access/acknowledgements.ts' },
] as const;

/**
 * README "Adding a module": renaming a column breaks the build of every typed query that uses it.
 * A scratch database gets `ALTER TABLE planned_sessions RENAME COLUMN agenda TO agenda_text`; its
 * regenerated types replace db.types.ts for one tsc run (`@vgbf/database` with a scratch copy of its
 * typed SQL; the real mentoring file and everything it imports), which must then fail on `agenda`; the same run against the committed
 * types compiles.
 */
describe('A renamed column breaks the typecheck', () => {
  const { databaseUrl: serverUrl } = serviceUrls();
  const name = uniqueName();
  let databaseUrl: string;
  let scratch: string;

  beforeAll(async () => {
    databaseUrl = await createDatabaseFromTemplate(serverUrl, name);
    await mkdir(join(ROOT, 'var'), { recursive: true });
    scratch = await mkdtemp(join(ROOT, 'var', 'column-rename-'));
  });

  afterAll(async () => {
    await dropDatabase(serverUrl, name);
    await rm(scratch, { recursive: true, force: true });
  });

  /** tsc on the probe with `@vgbf/database` = typed-sql.ts next to `types` as db.types.ts; its output. */
  async function typecheck(
    dir: string,
    types: string,
    probes: string[] = [PROBE],
  ): Promise<{ ok: boolean; output: string }> {
    await mkdir(dir, { recursive: true });
    await copyFile(types, join(dir, 'db.types.ts'));
    await copyFile(join(ROOT, 'libs/database/src/typed-sql/typed-sql.ts'), join(dir, 'typed-sql.ts'));
    // @vgbf/database as it is, but for its typed SQL, which is read from the scratch copy.
    const index = await readFile(join(ROOT, 'libs/database/src/index.ts'), 'utf8');
    await writeFile(
      join(dir, 'index.ts'),
      index
        .replace("'./typed-sql/typed-sql'", `'${join(dir, 'typed-sql')}'`)
        .replace(/'\.\/([^']+)'/g, (_, path: string) => `'${join(ROOT, 'libs/database/src', path)}'`),
    );
    const base = JSON.parse(await readFile(join(ROOT, 'tsconfig.json'), 'utf8')) as {
      compilerOptions: { paths: Record<string, string[]> };
    };
    const paths = Object.fromEntries(
      Object.entries(base.compilerOptions.paths).map(([alias, [target]]) => [alias, [join(ROOT, target)]]),
    );
    paths['@vgbf/database'] = [join(dir, 'index.ts')];
    await writeFile(
      join(dir, 'tsconfig.json'),
      JSON.stringify({
        extends: join(ROOT, 'tsconfig.json'),
        compilerOptions: { noEmit: true, rootDir: ROOT, paths },
        files: probes.map((file) => join(ROOT, file)),
        include: [],
      }),
    );
    try {
      await promisify(execFile)(
        process.execPath,
        [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(dir, 'tsconfig.json')],
        { cwd: ROOT },
      );
      return { ok: true, output: '' };
    } catch (error) {
      const { stdout, stderr } = error as { stdout: string; stderr: string };
      return { ok: false, output: `${stdout}${stderr}` };
    }
  }

  it('compiles against the committed types', async () => {
    const result = await typecheck(join(scratch, 'committed'), DB_TYPES_FILE, [PROBE, ...RENAMES.map((r) => r.file)]);
    expect(result).toEqual({ ok: true, output: '' });
  }, 300_000);

  it('fails on the typed queries of planned_sessions.agenda once it is renamed', async () => {
    const client = new Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      await client.query('ALTER TABLE planned_sessions RENAME COLUMN agenda TO agenda_text');
    } finally {
      await client.end();
    }
    const renamed = join(scratch, 'renamed.db.types.ts');
    expect(await generateDbTypes(databaseUrl, renamed)).toContain('agenda_text: Generated<string>;');

    const result = await typecheck(join(scratch, 'renamed'), renamed);
    expect(result.ok).toBe(false);
    const errors = result.output.split('\n').filter((line) => /error TS\d+/.test(line));
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.every((line) => line.startsWith('libs/mentoring/src/data-access/planned-sessions.ts('))).toBe(true);
    expect(result.output).toMatch(/"agenda"/);
  }, 300_000);

  it('fails in the typed queries of every module once a column they use is renamed (committee, milestones, applications, outbox, reports)', async () => {
    const scratchDb = `${name}_many`;
    const url = await createDatabaseFromTemplate(serverUrl, scratchDb);
    try {
      const client = new Client({ connectionString: url });
      await client.connect();
      try {
        for (const { table, column } of RENAMES) {
          await client.query(`ALTER TABLE ${table} RENAME COLUMN ${column} TO ${column}_renamed`);
        }
      } finally {
        await client.end();
      }
      const renamed = join(scratch, 'many.db.types.ts');
      await generateDbTypes(url, renamed);
      const result = await typecheck(
        join(scratch, 'many'),
        renamed,
        RENAMES.map((r) => r.file),
      );
      expect(result.ok).toBe(false);
      const errors = result.output.split('\n').filter((line) => /error TS\d+/.test(line));
      for (const { file } of RENAMES) {
        expect(errors.some((line) => line.startsWith(`${file}(`))).toBe(true);
      }
    } finally {
      await dropDatabase(serverUrl, scratchDb);
    }
  }, 300_000);
});
