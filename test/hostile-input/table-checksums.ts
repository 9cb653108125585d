import type { DataSource } from 'typeorm';

/**
 * An md5 of every row of every table of the schema, by table: two calls that agree mean no row was
 * written, changed or deleted in between (the tables of a test app are small, so this takes a few ms).
 */
export async function tableChecksums(db: DataSource): Promise<Record<string, string>> {
  const tables = await db.query<Array<{ name: string }>>(
    `SELECT table_name AS name FROM information_schema.tables
      WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  const sql = tables
    .map(
      ({ name }) =>
        `SELECT '${name}' AS name, md5(coalesce(string_agg(x::text, ',' ORDER BY x::text), '')) AS sum FROM "${name}" x`,
    )
    .join(' UNION ALL ');
  const rows = await db.query<Array<{ name: string; sum: string }>>(sql);
  return Object.fromEntries(rows.map((r) => [r.name, r.sum]));
}
