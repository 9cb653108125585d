import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
export const API_MAIN = join(ROOT, 'dist/apps/api/apps/api/src/main.js');
export const CLI_MAIN = join(ROOT, 'dist/apps/api/apps/api/src/cli.js');

/** Runs a compiled entry point as production does (the test command builds before the tests). */
export function runCompiled(
  file: string,
  args: string[],
  env: Record<string, string>,
  timeoutMs = 20_000,
): SpawnSyncReturns<string> {
  if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` first`);
  return spawnSync(process.execPath, [file, ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: timeoutMs,
  });
}
