import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseEnv } from 'node:util';
import { plainToInstance } from 'class-transformer';
import { getMetadataStorage, validateSync, type ValidationError } from 'class-validator';
import { AppConfig } from './app-config';

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const SECRET_HINT = /(URL|PASSWORD|SECRET|TOKEN|KEYS?)$/;

function describe(error: ValidationError): string {
  const shown = SECRET_HINT.test(error.property) ? '(hidden)' : JSON.stringify(error.value);
  const reasons = Object.values(error.constraints ?? {}).join('; ');
  return `${error.property}: ${reasons} (got ${error.value === undefined ? 'nothing' : shown})`;
}

/** The variable names AppConfig declares, read from its validation decorators. */
function configKeys(): string[] {
  const metadata = getMetadataStorage().getTargetValidationMetadatas(AppConfig, '', true, false);
  return [...new Set(metadata.map((m) => m.propertyName))];
}

/** Validates raw variables into a typed AppConfig, or throws a ConfigError naming each bad variable. */
export function parseConfig(raw: Record<string, string | undefined>): AppConfig {
  const picked: Record<string, string> = {};
  for (const key of configKeys()) {
    const value = raw[key];
    // Unset variables fall back to the defaults of AppConfig; an empty string counts as unset.
    if (value !== undefined && value !== '') picked[key] = value;
  }
  const config = plainToInstance(AppConfig, picked, { exposeDefaultValues: true });
  const errors = validateSync(config, { stopAtFirstError: true, forbidUnknownValues: false });
  if (errors.length > 0) throw new ConfigError(errors.map(describe));
  return config;
}

/**
 * Reads the environment once: real variables first, then `.env`, then (outside production)
 * `config/defaults.env`. Files never override a variable that is already set; process.env is not changed.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, root = process.cwd()): AppConfig {
  const files = [join(root, '.env')];
  if (env.NODE_ENV !== 'production') files.push(join(root, 'config', 'defaults.env'));
  const merged: Record<string, string | undefined> = {};
  for (const file of files.reverse()) {
    if (existsSync(file)) Object.assign(merged, parseEnv(readFileSync(file, 'utf8')));
  }
  for (const [key, value] of Object.entries(env)) if (value !== undefined && value !== '') merged[key] = value;
  return parseConfig(merged);
}
