// The scale benchmark's copier: copies cohorts' rows with SQL (INSERT … SELECT), new ids and every
// reference mapped, driven by the schema read from information_schema and pg_catalog (plan.js
// decides which tables and columns), so new tables and columns are copied without changes here.
//   copyCohorts(db, ids, times): each cohort `times` times into new cohorts, with everything it owns;
//   growCohort(db, id, times): the cohort's applications and all that hangs off them `times` more times
//     into the same cohort (its hubs, rounds, templates and runs stay as they are).
// Each copy clones the applicants (users with a suffixed email), so every copy is new people.
const { ownKey, planCopy, resolveReferences, uniqueFixes } = require('./plan');

const PEOPLE = 'users';
const ROOT_APPLICATIONS = 'applications';

async function readSchema(db) {
  const { rows: columns } = await db.query(
    `SELECT c.table_name, c.column_name, c.data_type, c.is_generated, c.is_identity
       FROM information_schema.columns c
       JOIN information_schema.tables t USING (table_schema, table_name)
      WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'
      ORDER BY c.table_name, c.ordinal_position`,
  );
  const tables = {};
  for (const c of columns) {
    (tables[c.table_name] ??= { columns: [], pk: [] }).columns.push({
      name: c.column_name,
      type: c.data_type,
      skip: c.is_generated === 'ALWAYS' || c.is_identity === 'YES', // the database fills them in
    });
  }
  const { rows: keys } = await db.query(
    `SELECT k.conrelid::regclass::text AS "table", k.contype, k.confrelid::regclass::text AS ref,
            array_agg(a.attname::text ORDER BY array_position(k.conkey, a.attnum)) AS columns
       FROM pg_constraint k JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = ANY (k.conkey)
      WHERE k.connamespace = 'public'::regnamespace AND k.contype IN ('p', 'f')
      GROUP BY k.oid, k.conrelid, k.contype, k.confrelid`,
  );
  const fks = [];
  for (const k of keys) {
    if (!tables[k.table]) continue;
    if (k.contype === 'p') tables[k.table].pk = k.columns;
    else if (k.columns.length === 1) fks.push({ table: k.table, column: k.columns[0], ref: k.ref });
  }
  const { rows: uniques } = await db.query(
    `SELECT i.indrelid::regclass::text AS "table", c.relname AS name,
            array_agg(a.attname::text ORDER BY k.ord) AS columns
       FROM pg_index i
       JOIN pg_class c ON c.oid = i.indexrelid
      CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY k(attnum, ord)
       JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
      WHERE i.indisunique AND NOT i.indisprimary AND c.relnamespace = 'public'::regnamespace
      GROUP BY i.indrelid, c.relname`,
  );
  return { tables, fks, uniques };
}

const ident = (name) => `"${name.replace(/"/g, '""')}"`;
const mapName = (table) => ident(`m_${table}`);

/** Numbered query parameters: `add(value)` returns its placeholder. */
function parameters() {
  const values = [];
  return { values, add: (value, type) => (values.push(value), `$${values.length}::${type}`) };
}

/**
 * INSERT … SELECT copying the rows of `table` that `where` selects; `copy` is { tag, offset } (a suffix
 * for text and an offset for integers that must stay unique); `maps` holds the tables mapped so far.
 */
function insertSql(schema, refs, fixes, table, maps, where, copy, p) {
  const info = schema.tables[table];
  const joins = [];
  const names = [];
  const values = [];
  const own = maps.has(table) ? ownKey(schema, refs, table) : null;
  if (own) joins.push(`JOIN ${mapName(table)} m ON m.old = t.${ident(own)}`);
  for (const column of info.columns) {
    if (column.skip) continue;
    const c = `t.${ident(column.name)}`;
    let value = c;
    const ref = refs[table][column.name];
    if (column.name === own) value = 'm.new';
    else if (ref && maps.has(ref.table)) {
      const alias = `j${joins.length}`;
      joins.push(`LEFT JOIN ${mapName(ref.table)} ${alias} ON ${alias}.old = ${c}`);
      value = `COALESCE(${alias}.new, ${c})`;
    } else if (fixes[table].suffix.has(column.name)) {
      const tag = p.add(copy.tag, 'text');
      value = `CASE WHEN ${c} LIKE '%@%' THEN regexp_replace(${c}, '@', '+' || ${tag} || '@') ELSE ${c} || ' ' || ${tag} END`;
    } else if (fixes[table].offset.has(column.name)) {
      value = `${c} + ${p.add(copy.offset, 'int')}`;
    }
    names.push(ident(column.name));
    values.push(value);
  }
  return `INSERT INTO ${ident(table)} (${names.join(', ')})
          SELECT ${values.join(', ')} FROM ${ident(table)} t ${joins.join(' ')} WHERE ${where}`;
}

/** Rows of `table` hanging off rows already copied: any of its references into a mapped table. */
function membership(refs, table, maps) {
  const parents = Object.entries(refs[table]).filter(
    ([, r]) => !r.soft && r.table !== table && r.table !== PEOPLE && maps.has(r.table),
  );
  if (!parents.length) throw new Error(`no copied parent found for ${table}`);
  return parents.map(([column, r]) => `t.${ident(column)} IN (SELECT old FROM ${mapName(r.table)})`).join(' OR ');
}

/**
 * One copy in one transaction: the people (`peopleSql`, $1 = root ids), the root table's rows with
 * ids `rootIds`, then each table of `order`. Returns the rows written per table.
 */
async function copyOnce(db, plan, { rootIds, tag, offset }) {
  const { schema, refs, fixes, order, root, peopleSql } = plan;
  const copy = { tag, offset };
  const maps = new Set();
  const written = {};
  const run = async (build) => {
    const p = parameters();
    const sql = build(p);
    return db.query(sql, p.values);
  };
  const newMap = (table) =>
    db.query(
      `CREATE TEMP TABLE ${mapName(table)} (old uuid PRIMARY KEY, new uuid NOT NULL DEFAULT gen_random_uuid()) ON COMMIT DROP`,
    );
  await db.query('BEGIN');
  try {
    await newMap(PEOPLE);
    await db.query(
      `INSERT INTO ${mapName(PEOPLE)} (old) SELECT DISTINCT p FROM (${peopleSql}) x(p) WHERE p IS NOT NULL`,
      [rootIds],
    );
    maps.add(PEOPLE);
    written[PEOPLE] = (await run((p) => insertSql(schema, refs, fixes, PEOPLE, maps, 'true', copy, p))).rowCount;
    for (const table of order) {
      const key = ownKey(schema, refs, table);
      const where = (p) =>
        table === root ? `t.${ident(key)} = ANY(${p.add(rootIds, 'uuid[]')})` : membership(refs, table, maps);
      if (key) {
        await newMap(table);
        await run(
          (p) => `INSERT INTO ${mapName(table)} (old) SELECT t.${ident(key)} FROM ${ident(table)} t WHERE ${where(p)}`,
        );
        maps.add(table);
        written[table] = (await run((p) => insertSql(schema, refs, fixes, table, maps, 'true', copy, p))).rowCount;
      } else {
        written[table] = (await run((p) => insertSql(schema, refs, fixes, table, maps, where(p), copy, p))).rowCount;
      }
    }
    await db.query('COMMIT');
  } catch (error) {
    await db.query('ROLLBACK');
    throw new Error(`copy ${tag} failed: ${error.message}`, { cause: error });
  }
  return written;
}

function makePlan(schema, root, peopleSql) {
  const refs = resolveReferences(schema);
  const order = planCopy(schema, refs, root, PEOPLE);
  const mapped = (table) => table === PEOPLE || (order.includes(table) && !!ownKey(schema, refs, table));
  const fixes = uniqueFixes(schema, refs, [PEOPLE, ...order], mapped);
  return { schema, refs, fixes, order, root, peopleSql };
}

/** The users the applications reference by foreign key (the applicants): a copy clones them. */
function applicantsSql(schema, where) {
  const columns = schema.fks.filter((f) => f.table === ROOT_APPLICATIONS && f.ref === PEOPLE).map((f) => f.column);
  if (!columns.length) throw new Error('applications reference no users: cannot tell the applicants');
  return columns.map((c) => `SELECT ${ident(c)} FROM applications WHERE ${where}`).join(' UNION ');
}

const sum = (totals, written) => {
  for (const [table, n] of Object.entries(written)) totals[table] = (totals[table] ?? 0) + n;
  return totals;
};

/** Copies the cohorts `times` times each into new cohorts (names and emails suffixed `x01`, `x02`, …). */
async function copyCohorts(db, cohortIds, times) {
  const schema = await readSchema(db);
  const plan = makePlan(schema, 'cohorts', applicantsSql(schema, 'cohort_id = ANY($1::uuid[])'));
  const totals = {};
  for (let k = 1; k <= times; k++) {
    sum(
      totals,
      await copyOnce(db, plan, { rootIds: cohortIds, tag: `x${String(k).padStart(2, '0')}`, offset: k * 1_000_000 }),
    );
  }
  return { tables: plan.order, totals };
}

/** Copies one cohort's applications (and all that hangs off them) `times` more times into the cohort. */
async function growCohort(db, cohortId, times) {
  const schema = await readSchema(db);
  const { rows } = await db.query('SELECT id FROM applications WHERE cohort_id = $1', [cohortId]);
  const ids = rows.map((r) => r.id);
  const plan = makePlan(schema, ROOT_APPLICATIONS, applicantsSql(schema, 'id = ANY($1::uuid[])'));
  const totals = {};
  for (let k = 1; k <= times; k++) {
    sum(
      totals,
      await copyOnce(db, plan, { rootIds: ids, tag: `g${String(k).padStart(2, '0')}`, offset: k * 1_000_000 }),
    );
  }
  return { tables: plan.order, totals };
}

module.exports = { copyCohorts, growCohort, readSchema };
