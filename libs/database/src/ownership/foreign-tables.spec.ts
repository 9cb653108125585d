import { join } from 'node:path';
import { foreignReferences, loadTableMap, namedRelations, type ForeignReference } from './foreign-tables';

const ROOT = join(__dirname, '../../../..');
const map = loadTableMap(ROOT);

function counts(references: ForeignReference[]): Map<string, number> {
  const byLibTable = new Map<string, number>();
  for (const { lib, table } of references) {
    byLibTable.set(`${lib} → ${table}`, (byLibTable.get(`${lib} → ${table}`) ?? 0) + 1);
  }
  return byLibTable;
}

describe('Table ownership (config/tables.json)', () => {
  it('gives every table and view exactly one owner', () => {
    const seen = new Map<string, string>();
    const twice: string[] = [];
    for (const [lib, { tables, views }] of Object.entries(map.libs)) {
      for (const name of [...tables, ...views]) {
        if (seen.has(name)) twice.push(`${name}: ${seen.get(name)} and ${lib}`);
        seen.set(name, lib);
      }
    }
    expect(twice).toEqual([]);
  });

  it('reads SQL strings and Kysely table names, not comments', () => {
    const known = new Set(['users', 'pairings', 'fellows']);
    const source = [
      '// a comment that reads from users',
      '/* and a block that joins pairings */',
      'const a = await manager.query(`SELECT id FROM users u JOIN fellows f ON f.user_id = u.id`, []);',
      "const b = typedSql.selectFrom('pairings as p').innerJoin('users', 'users.id', 'p.mentor_id');",
      'const c = \'update "fellows" set x = 1\';',
      "const d = relation('pairings', 'p');",
    ].join('\n');
    expect(namedRelations(source, known)).toEqual(
      expect.arrayContaining([
        { table: 'users', line: 3 },
        { table: 'fellows', line: 3 },
        { table: 'pairings', line: 4 },
        { table: 'users', line: 4 },
        { table: 'fellows', line: 5 },
        { table: 'pairings', line: 6 },
      ]),
    );
    expect(namedRelations(source, known)).toHaveLength(6);
  });

  // The foreign-table test: a lib's SQL names only its own tables; another module's data comes
  // through that module's exported readers or the views it defines (any lib may read a view). `pending` in
  // config/tables.json lists the references not yet moved, and may only shrink.
  it('a lib names no table another lib owns (beyond the shrinking pending list); views are for all', () => {
    const references = foreignReferences(ROOT, map);
    const found = counts(references);
    const pending = new Map<string, number>();
    for (const [lib, tables] of Object.entries(map.pending ?? {})) {
      for (const [table, n] of Object.entries(tables)) pending.set(`${lib} → ${table}`, n);
    }
    const added = [...found]
      .filter(([key, n]) => n > (pending.get(key) ?? 0))
      .map(([key, n]) => {
        const [lib, table] = key.split(' → ');
        const places = references.filter((r) => r.lib === lib && r.table === table);
        const where = places.map((r) => `${r.file}:${r.line}`).join(', ');
        return `${key} (owned by ${places[0]?.owner}): ${n} > ${pending.get(key) ?? 0} pending — ${where}`;
      });
    expect(added).toEqual([]);
    // Fewer than listed: well done — lower the count in config/tables.json `pending` so it stays fewer.
    const stale = [...pending]
      .filter(([key, n]) => (found.get(key) ?? 0) < n)
      .map(([key, n]) => `${key}: pending says ${n}, the code has ${found.get(key) ?? 0}`);
    expect(stale).toEqual([]);
  });
});
