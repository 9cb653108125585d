import { readProgramData } from '@vgbf/config';
import { type DiscoveredHolder, PersonalDataExporter } from '@vgbf/privacy';
import type { DataSource } from 'typeorm';
import { type TestApp, createTestApp } from '../support/test-app';

/**
 * Every column of every table of the migrated schema that can hold personal data is declared by
 * exactly one personal-data holder, exported (with its category) or excluded with a reason; a table no
 * holder declares must be listed in config/personal-data-free.json with its reason. Returns the
 * problems, empty when the schema and the declarations agree.
 */
async function schemaProblems(db: DataSource, holders: DiscoveredHolder[]): Promise<string[]> {
  const columns = await db.query<Array<{ table_name: string; column_name: string }>>(
    `SELECT c.table_name, c.column_name FROM information_schema.columns c
       JOIN information_schema.tables t USING (table_schema, table_name)
      WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'
      ORDER BY c.table_name, c.ordinal_position`,
  );
  const schema = new Map<string, string[]>();
  for (const c of columns) schema.set(c.table_name, [...(schema.get(c.table_name) ?? []), c.column_name]);
  const free = (readProgramData('personal-data-free.json') as { tables: Record<string, string> }).tables;
  const problems: string[] = [];
  for (const [table, cols] of schema) {
    const by = holders.filter((h) => h.holder.tables.some((t) => t.table === table));
    if (free[table] !== undefined) {
      if (!free[table].trim()) problems.push(`${table}: listed as holding no personal data without a reason`);
      if (by.length)
        problems.push(
          `${table}: listed as holding no personal data, yet declared by ${by.map((h) => h.name).join(', ')}`,
        );
      continue;
    }
    if (by.length !== 1) {
      problems.push(
        `${table}: declared by ${by.length} holders (${by.map((h) => h.name).join(', ') || 'none'}); exactly one must`,
      );
      continue;
    }
    const declared = by[0].holder.tables.find((t) => t.table === table)!;
    for (const col of cols) {
      const use = declared.columns[col];
      if (!use)
        problems.push(`${table}.${col}: not declared by holder ${by[0].name} (exported or excluded with a reason)`);
      else if ('excluded' in use && !use.excluded.trim()) problems.push(`${table}.${col}: excluded without a reason`);
    }
    for (const col of Object.keys(declared.columns))
      if (!cols.includes(col)) problems.push(`${table}.${col}: declared by ${by[0].name} but not in the schema`);
  }
  for (const h of holders)
    for (const t of h.holder.tables)
      if (!schema.has(t.table)) problems.push(`${t.table}: declared by ${h.name} but not in the schema`);
  for (const table of Object.keys(free))
    if (!schema.has(table)) problems.push(`${table}: listed as free but not in the schema`);
  return problems;
}

describe('Personal data declared against the schema', () => {
  let t: TestApp;
  let holders: DiscoveredHolder[];

  beforeAll(async () => {
    t = await createTestApp();
    holders = t.app.get(PersonalDataExporter).holders();
  }, 60_000);
  afterAll(() => t.close());

  it('finds the holders of every module that holds personal data, privacy importing none of them', () => {
    expect(holders.map((h) => h.name)).toEqual(
      expect.arrayContaining([
        'applications',
        'audit',
        'committee',
        'fellows',
        'identity',
        'mentoring',
        'milestones',
        'outbox',
        'privacy',
      ]),
    );
  });

  it('every column is declared by exactly one holder, or its table is listed as holding none, with a reason', async () => {
    expect(await schemaProblems(t.db, holders)).toEqual([]);
  });

  it('fails when a personal column or a table is added without being declared', async () => {
    await t.db.query(`ALTER TABLE users ADD COLUMN nickname text`);
    await t.db.query(`CREATE TABLE pet_names (user_id uuid, name text)`);
    try {
      expect(await schemaProblems(t.db, holders)).toEqual([
        'pet_names: declared by 0 holders (none); exactly one must',
        'users.nickname: not declared by holder identity (exported or excluded with a reason)',
      ]);
    } finally {
      await t.db.query(`ALTER TABLE users DROP COLUMN nickname`);
      await t.db.query(`DROP TABLE pet_names`);
    }
  });
});
