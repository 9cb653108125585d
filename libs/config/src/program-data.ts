import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The checkout (the folder holding nest-cli.json), found upwards from this file in src/ or dist/. */
export function projectRoot(from = __dirname): string {
  for (let dir = from; dir !== dirname(dir); dir = dirname(dir)) {
    if (existsSync(join(dir, 'nest-cli.json'))) return dir;
  }
  throw new Error(`No nest-cli.json above ${from}: cannot find the project's config/ folder`);
}

/** Reads program data shipped in config/ (hubs, eligibility rules…), as parsed JSON. */
export function readProgramData(file: string): unknown {
  return JSON.parse(readFileSync(join(projectRoot(), 'config', file), 'utf8')) as unknown;
}
