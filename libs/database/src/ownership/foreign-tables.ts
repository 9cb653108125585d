import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** config/tables.json: which lib owns which tables and views. */
export interface TableMap {
  libs: Record<string, { tables: string[]; views: string[] }>;
  /** Foreign references not yet moved behind a reader or view: lib → table → count. */
  pending?: Record<string, Record<string, number>>;
}

/** One place a lib's source names a table another lib owns (views are published for every lib to read). */
export interface ForeignReference {
  lib: string;
  file: string;
  line: number;
  table: string;
  owner: string;
}

// SQL keywords that are followed by a relation name (FROM a, JOIN a, UPDATE a, INSERT INTO a, TABLE a).
const SQL_RELATION = /\b(?:from|join|update|into|table)\s+(?:only\s+)?"?([a-z_][a-z0-9_]*)"?/gi;
// Kysely builder calls that take a table name: selectFrom('a'), innerJoin('a as x', …), with('a', …) …
const KYSELY_RELATION =
  /\.(?:selectFrom|insertInto|updateTable|deleteFrom|mergeInto|innerJoin|leftJoin|rightJoin|fullJoin|crossJoin|innerJoinLateral|leftJoinLateral)\(\s*\[?\s*['"`]([a-z_][a-z0-9_]*)/g;

// A relation named for a sql template's typed column references: relation('a', 'x') (libs/reports/src/data-access).
const TEMPLATE_RELATION = /\brelation\(\s*['"`]([a-z_][a-z0-9_]*)/g;

/** Blanks comments (keeping line breaks), so prose that says "from users" is not read as SQL. */
export function stripComments(source: string): string {
  return source
    .replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' '))
    .replace(/(^|[^:'"`\\])\/\/[^\n]*/g, (_m, before: string) => before);
}

/** Every relation name (owned by someone in the map) that a source text names, with its line. */
export function namedRelations(source: string, known: ReadonlySet<string>): Array<{ table: string; line: number }> {
  const text = stripComments(source);
  const found: Array<{ table: string; line: number }> = [];
  for (const pattern of [SQL_RELATION, KYSELY_RELATION, TEMPLATE_RELATION]) {
    for (const match of text.matchAll(pattern)) {
      const table = match[1].toLowerCase();
      if (!known.has(table)) continue;
      const line = text.slice(0, match.index).split('\n').length;
      found.push({ table, line });
    }
  }
  return found;
}

function sourceFiles(dir: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) {
      if (entry !== 'migrations') files.push(...sourceFiles(path));
    } else if (entry.endsWith('.ts') && !entry.endsWith('.spec.ts') && !entry.endsWith('.types.ts')) {
      files.push(path);
    }
  }
  return files;
}

/**
 * Scans libs/<lib>/src of every lib in the map and lists the tables of other libs each names. A view
 * is what its owner publishes for the others, so naming another lib's view is not a foreign reference.
 */
export function foreignReferences(root: string, map: TableMap): ForeignReference[] {
  const owners = new Map<string, string>();
  for (const [lib, { tables }] of Object.entries(map.libs)) {
    for (const name of tables) owners.set(name, lib);
  }
  const known = new Set(owners.keys());
  const references: ForeignReference[] = [];
  for (const lib of readdirSync(join(root, 'libs')).sort()) {
    const src = join(root, 'libs', lib, 'src');
    if (!statSync(src, { throwIfNoEntry: false })?.isDirectory()) continue;
    for (const path of sourceFiles(src)) {
      for (const { table, line } of namedRelations(readFileSync(path, 'utf8'), known)) {
        const owner = owners.get(table)!;
        if (owner !== lib) references.push({ lib, file: relative(root, path), line, table, owner });
      }
    }
  }
  return references;
}

export function loadTableMap(root: string): TableMap {
  return JSON.parse(readFileSync(join(root, 'config/tables.json'), 'utf8')) as TableMap;
}
