// Pure helpers of the scale benchmark (../scale.js): statistics, and the plan that copies a cohort's rows,
// worked out from the schema as information_schema and pg_catalog describe it (no table list written
// here, so a new table or column is copied without touching the bench). Tested by plan.test.js.

/** The q-quantile (0..1) of the values, nearest-rank; NaN for none. */
function percentile(values, q) {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil(q * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

const median = (values) => percentile(values, 0.5);

/**
 * Where each uuid column of each table points: `{ table, soft }` per column, or nothing for a column
 * that is its table's own key. Modules own their tables, so a reference into another module's table
 * often has no foreign key: then the name decides — `cohort_id` → `cohorts`, `matching_run_id` →
 * `matching_runs`, `submission_id` in `milestone_reviews` → the one table of its family (same first
 * word) ending in `_submissions`. A primary key is a reference only by a foreign key (`reviews` keyed by
 * its assignment); otherwise it is the table's own id. A uuid column nothing matches
 * (`created_by`, `author_id`, `outbox_id`) is taken as a person, `soft`: rewritten only when its value
 * is one of the people copied, else kept.
 *
 * schema: { tables: { [name]: { columns: [{ name, type }], pk: [col] } }, fks: [{ table, column, ref }] }
 */
function resolveReferences(schema) {
  const names = Object.keys(schema.tables);
  const refs = {};
  for (const [table, info] of Object.entries(schema.tables)) {
    refs[table] = {};
    for (const column of info.columns) {
      const fk = schema.fks.find((f) => f.table === table && f.column === column.name);
      if (fk) {
        refs[table][column.name] = { table: fk.ref, soft: false };
        continue;
      }
      if (column.type !== 'uuid' || (info.pk.length === 1 && info.pk[0] === column.name)) continue;
      const target = byName(names, table, column.name);
      refs[table][column.name] = target ? { table: target, soft: false } : { table: 'users', soft: true };
    }
  }
  return refs;
}

function byName(names, table, column) {
  const stem = column.replace(/_id$/, '');
  if (stem === column) return null;
  for (const plural of [`${stem}s`, `${stem}es`]) if (names.includes(plural)) return plural;
  const word = (name) => name.split('_')[0].replace(/s$/, '');
  const family = names.filter((n) => (n.endsWith(`_${stem}s`) || n.endsWith(`_${stem}es`)) && word(n) === word(table));
  return family.length === 1 ? family[0] : null;
}

/**
 * The tables a copy writes, parents first: `root` and every table that points (by a non-person
 * reference, through any chain) at a table copied. `people` (the users table) is cloned on its own and
 * never counts as a path. Throws on a cycle other than a table pointing at itself.
 */
function planCopy(schema, refs, root, people = 'users') {
  const copied = new Set([root]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const table of Object.keys(schema.tables)) {
      if (copied.has(table) || table === people) continue;
      if (Object.values(refs[table]).some((r) => !r.soft && r.table !== people && copied.has(r.table))) {
        copied.add(table);
        grew = true;
      }
    }
  }
  const order = [];
  const state = new Map();
  const visit = (table, trail) => {
    if (state.get(table) === 'done') return;
    if (state.get(table) === 'visiting') throw new Error(`reference cycle: ${[...trail, table].join(' → ')}`);
    state.set(table, 'visiting');
    for (const r of Object.values(refs[table])) {
      if (!r.soft && r.table !== table && copied.has(r.table) && r.table !== people) visit(r.table, [...trail, table]);
    }
    state.set(table, 'done');
    order.push(table);
  };
  for (const table of [...copied].sort()) visit(table, []);
  return order;
}

/**
 * How to keep each unique index of a copied table unique. An index with a column that gets new values
 * in the copy (the table's own key, a reference to a copied table or to a person) holds by itself.
 * Otherwise its text columns get a suffix per copy (`suffix`) and its integer columns an offset
 * (`offset`); an index with neither cannot be kept and throws. `mapped(table)` tells whether a table's
 * rows get new ids in this copy. Returns { [table]: { suffix: Set, offset: Set } }.
 */
function uniqueFixes(schema, refs, tables, mapped) {
  const fixes = {};
  for (const table of tables) {
    const info = schema.tables[table];
    fixes[table] = { suffix: new Set(), offset: new Set() };
    for (const index of schema.uniques.filter((u) => u.table === table)) {
      const fresh = index.columns.some((c) => {
        if (ownKey(schema, refs, table) === c) return true;
        const r = refs[table][c];
        return r && !r.soft && mapped(r.table);
      });
      if (fresh) continue;
      const type = (c) => info.columns.find((col) => col.name === c)?.type;
      const text = index.columns.filter((c) => ['text', 'character varying', 'citext'].includes(type(c)));
      const ints = index.columns.filter((c) => ['integer', 'bigint', 'smallint'].includes(type(c)));
      if (!text.length && !ints.length) {
        throw new Error(
          `cannot keep unique index ${index.name} (${index.columns.join(', ')}) of ${table} unique in a copy`,
        );
      }
      text.forEach((c) => fixes[table].suffix.add(c));
      if (!text.length) ints.forEach((c) => fixes[table].offset.add(c));
    }
    // `email_normalized` made unique: its `email` gets the same suffix, so the two still agree.
    for (const c of fixes[table].suffix) {
      const plain = c.replace(/_normalized$/, '');
      if (plain !== c && info.columns.some((col) => col.name === plain)) fixes[table].suffix.add(plain);
    }
  }
  return fixes;
}

/** The table's own id (a single uuid primary key that references nothing), or null: a copy maps it old → new. */
function ownKey(schema, refs, table) {
  const info = schema.tables[table];
  if (info.pk.length !== 1 || refs[table][info.pk[0]]) return null;
  return info.columns.find((c) => c.name === info.pk[0])?.type === 'uuid' ? info.pk[0] : null;
}

module.exports = { median, ownKey, percentile, planCopy, resolveReferences, uniqueFixes };
