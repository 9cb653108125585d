import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  BUILT_IN_FIELD_CODES,
  type ConstraintMetadata,
  PROBLEM_CATALOGUES,
  STATUS_CODES,
  possibleFieldCodes,
} from '@vgbf/core';
import { getMetadataStorage } from 'class-validator';
// Loads every module, so every DTO has registered its checks with class-validator.
import { AppModule } from './app.module';

const ROOT = join(__dirname, '../../..');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') && !/\.(spec|int-spec|e2e-spec|testing)\.ts$/.test(entry.name) ? [path] : [];
  });
}
const SERVER_SOURCES = ['libs', 'apps/api/src', 'apps/worker/src'].flatMap((dir) => sources(join(ROOT, dir)));

/**
 * Every code the server can answer with, collected from the code itself, not from a list kept by hand:
 * - each domain error's code (`super('code', …)`, `new DomainError('code', …)`), and each
 *   `new NotFoundError('Entity')` as `entity_not_found`;
 * - each 'validation.…' literal a service writes into a field error, each code of a `{ field, …, code }`
 *   literal (e.g. the mentor file's `file_required`), and any code a problem is sent with;
 * - each check every DTO declares (class-validator's metadata), mapped as the validation pipe maps it.
 */
function serverCodes(): Map<string, string> {
  const codes = new Map<string, string>();
  const add = (code: string, where: string) => codes.set(code, codes.get(code) ?? where);
  for (const file of SERVER_SOURCES) {
    const text = readFileSync(file, 'utf8');
    const where = file.slice(ROOT.length + 1);
    if (text.includes('DomainError'))
      for (const [, code] of text.matchAll(/(?:\bsuper|new DomainError)\(\s*'([a-z0-9_.]+)'/g)) add(code, where);
    for (const [, entity] of text.matchAll(/new NotFoundError\(\s*'([^']+)'/g))
      add(`${entity.toLowerCase().replace(/\s+/g, '_')}_not_found`, where);
    // Any 'validation.…' literal is a field code, however it is passed (code: '…', or an error's argument).
    for (const [, code] of text.matchAll(/'(validation\.[a-z0-9_]+)'/g)) add(code, where);
    // The reasons an infeasible proposal carries (ReasonCode: 'placement.…', 'matching.…').
    if (text.includes('interface ReasonCode'))
      for (const [, code] of text.matchAll(/'((?:placement|matching)\.[a-z0-9_]+)'/g)) add(code, where);
    // A field error written as a literal ({ field, message, code }) names its code, whatever its prefix.
    for (const [, code] of text.matchAll(/\bfield: [^{}]*?\bcode: '([a-z0-9_.]+)'/g)) add(code, where);
    if (text.includes('sendProblem('))
      for (const [, code] of text.matchAll(/\bcode: '([a-z0-9_.]+)'/g)) add(code, where);
  }
  const storage = getMetadataStorage() as unknown as { validationMetadatas: Map<Function, ConstraintMetadata[]> };
  for (const [target, metadatas] of storage.validationMetadatas)
    for (const metadata of metadatas)
      for (const code of possibleFieldCodes(metadata)) add(code, `${target.name}.${metadata.propertyName}`);
  for (const code of [...BUILT_IN_FIELD_CODES, ...Object.values(STATUS_CODES), 'internal_error']) add(code, 'core');
  return codes;
}

describe('the problem catalogue', () => {
  const codes = serverCodes();

  it('finds the codes it checks (the collection itself works)', () => {
    expect(AppModule).toBeDefined();
    // One of each source: a domain error, a NotFoundError, a service's field code, a DTO check.
    expect([...codes.keys()]).toEqual(
      expect.arrayContaining([
        'invalid_credentials',
        'cohort_not_found',
        'validation.not_in_future',
        'validation.is_email',
        'validation.csv_missing_column',
        'file_required',
        'validation.starts_after_window',
        'placement.minimum_language',
        'matching.lock_conflict',
      ]),
    );
    expect(codes.size).toBeGreaterThan(120);
  });

  it.each(['vi', 'en'] as const)('has words in %s for every code the server can produce', (language) => {
    const catalogue = PROBLEM_CATALOGUES[language];
    const missing = [...codes]
      .filter(([code]) => !catalogue[code]?.trim())
      .map(([code, where]) => `${code} (${where})`);
    expect(missing).toEqual([]);
  });

  it('has the same keys, and the same {{params}} per key, in Vietnamese and English', () => {
    const params = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();
    const { vi, en } = PROBLEM_CATALOGUES;
    expect(Object.keys(vi).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en)) expect([key, params(vi[key] ?? '')]).toEqual([key, params(en[key] ?? '')]);
  });

  it('has no English left in the Vietnamese catalogue (a copied sentence is not a translation)', () => {
    const { vi, en } = PROBLEM_CATALOGUES;
    expect(Object.keys(vi).filter((key) => vi[key] === en[key] && /[a-z]{4,}/.test(vi[key] ?? ''))).toEqual([]);
  });
});
