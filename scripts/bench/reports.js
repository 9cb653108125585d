// Reports at scale, in one run on this machine, on a database of its own (created, migrated, dropped):
//   - progress + at-risk (the progress statement of libs/reports/src/data-access, the API's one query) for one cohort of 100 fellows with 12 months
//     of milestones, sessions and feedback, and for 20 such cohorts at once; baseline: a plain SELECT of
//     the same rows it aggregates (milestones + sessions + feedback of those fellows);
//   - a 10,000-row XLSX written by the reports' streaming writer, with peak RSS/heap sampled; baseline:
//     the same rows written as CSV.
// Ratios are against the in-run baselines, so they hold across machines. Medians of 7 runs.
//   npm run bench -- reports
const { Writable } = require('node:stream');
const path = require('node:path');
const { ROOT, withBenchDatabase } = require('./lib');

const DIST = path.join(ROOT, 'dist/apps/api');
const { progressStatement } = require(path.join(DIST, 'libs/reports/src/data-access/progress.js'));
const { statement } = require(path.join(DIST, 'libs/reports/src/data-access/relations.js'));
const { createReportWriter } = require(path.join(DIST, 'libs/reports/src/files/report-writers.js'));
const { parseAtRiskConfig } = require(path.join(DIST, 'libs/reports/src/progress/at-risk-rules.js'));

const ms = (start) => Number(process.hrtime.bigint() - start) / 1e6;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const COHORTS = 20;
const FELLOWS = 100;

async function timed(fn, runs = 7) {
  await fn(); // warm-up
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    await fn();
    times.push(ms(start));
  }
  return median(times);
}

async function seed(db) {
  // Each cohort judges feedback against its own checkpoints: the defaults of config/feedback.json.
  const { checkpoints } = require(path.join(ROOT, 'config/feedback.json'));
  await db.query(
    `
    INSERT INTO cohorts (id, name, year, target_size, track_months, application_opens_at, application_closes_at,
                         offer_response_days, programme_start_date, status, eligibility_rules, feedback_checkpoints)
    SELECT ('00000000-0000-4000-8000-' || lpad(c::text, 12, '0'))::uuid, 'Bench ' || c, 2027, 100, 12,
           now() - interval '500 days', now() - interval '450 days', 7, current_date - 365, 'running', '[]', $1::jsonb
      FROM generate_series(1, ${COHORTS}) c`,
    [JSON.stringify(checkpoints)],
  );
  await db.query(`
    INSERT INTO users (email, email_normalized, full_name, roles, language)
    SELECT 'u' || i || '@bench.test', 'u' || i || '@bench.test', 'Người ' || i,
           CASE WHEN i % 2 = 0 THEN '{fellow}'::text[] ELSE '{mentor}'::text[] END, 'vi'
      FROM generate_series(1, ${COHORTS * FELLOWS * 2}) i`);
  await db.query(`
    WITH fu AS (SELECT id, row_number() OVER (ORDER BY email) - 1 AS n FROM users WHERE 'fellow' = ANY(roles)),
    apps AS (
      INSERT INTO applications (cohort_id, applicant_id, status, submitted_at)
      SELECT ('00000000-0000-4000-8000-' || lpad((n % ${COHORTS} + 1)::text, 12, '0'))::uuid, id, 'accepted', now() FROM fu
      RETURNING id, cohort_id, applicant_id)
    INSERT INTO fellows (cohort_id, user_id, application_id, full_name, gender, region, sector, start_date, end_date)
    SELECT a.cohort_id, a.applicant_id, a.id, 'Fellow ' || a.applicant_id, 'female', 'North', 'technology',
           current_date - 365, current_date FROM apps a`);
  await db.query(`
    WITH f AS (SELECT id, cohort_id, row_number() OVER (ORDER BY id) AS n FROM fellows),
         m AS (SELECT id, row_number() OVER (ORDER BY id) AS n FROM users WHERE 'mentor' = ANY(roles))
    INSERT INTO pairings (cohort_id, fellow_id, mentor_id, score, reasons, created_at)
    SELECT f.cohort_id, f.id, m.id, 0, '[]', now() - interval '360 days' FROM f JOIN m USING (n)`);
  // 12 monthly milestones per fellow, mostly approved, some late.
  await db.query(`
    INSERT INTO milestones (fellow_id, code, position, title, description, evidence, reviewer, base_due_on, due_on, state, approved_at)
    SELECT f.id, 'M' || k, k, '{"vi":"M","en":"M"}', '{"vi":"","en":""}', '{text}', 'mentor',
           current_date - 360 + 30 * k, current_date - 360 + 30 * k,
           CASE WHEN k > 11 THEN 'open' WHEN hashtext(f.id::text || k) % 9 = 0 THEN 'open' ELSE 'approved' END,
           CASE WHEN k <= 11 THEN now() - make_interval(days => 360 - 30 * k) END
      FROM fellows f CROSS JOIN generate_series(1, 12) k`);
  // Two sessions a month for 12 months, most confirmed and rated.
  await db.query(`
    INSERT INTO mentoring_sessions (pairing_id, held_at, duration_minutes, mode, topics, logged_by, confirmed_at, rating)
    SELECT p.id, now() - make_interval(days => 15 * k), 60, 'online', '{esg}', p.mentor_id,
           CASE WHEN hashtext(p.id::text || k) % 7 <> 0 THEN now() - make_interval(days => 15 * k - 1) END,
           CASE WHEN hashtext(p.id::text || k) % 7 <> 0 THEN 2 + abs(hashtext(p.id::text || k)) % 4 END
      FROM pairings p CROSS JOIN generate_series(1, 24) k`);
  await db.query(`
    INSERT INTO feedback_answers (pairing_id, checkpoint, author_role, author_id, answers, created_at)
    SELECT p.id, c.code, r.role, CASE WHEN r.role = 'fellow' THEN f.user_id ELSE p.mentor_id END,
           jsonb_build_object('usefulness', 1 + abs(hashtext(p.id::text || c.code || r.role)) % 5,
                              'responsive', hashtext(p.id::text || c.code) % 6 <> 0),
           now() - make_interval(days => c.ago)
      FROM pairings p JOIN fellows f ON f.id = p.fellow_id
      CROSS JOIN (VALUES ('month_1', 330), ('mid', 180)) AS c(code, ago)
      CROSS JOIN (VALUES ('fellow'), ('mentor')) AS r(role)`);
  // At rest, as autovacuum leaves tables a while after their inserts: statistics, and the visibility map
  // that lets the cohort reads answer from their covering indexes (index-only scans).
  await db.query('VACUUM ANALYZE');
}

async function benchQueries(db) {
  const rules = parseAtRiskConfig(require(path.join(ROOT, 'config/at-risk.json')));
  const { rows: cohorts } = await db.query(`SELECT id FROM cohorts ORDER BY name`);
  const ids = cohorts.map((c) => c.id);
  /** The API's statement for these cohorts, compiled as the API compiles it (SQL text and parameters). */
  const progress = (list, atRiskOnly) => {
    const query = statement(
      progressStatement({ cohortIds: list, now: new Date(), timeZone: 'Asia/Ho_Chi_Minh', rules, atRiskOnly }),
    ).compile();
    return () => db.query(query.sql, [...query.parameters]);
  };
  // The baseline fetches the rows themselves (not just counts), as a naive service would load them.
  const load = async (list) => {
    await db.query(`SELECT m.* FROM milestones m JOIN fellows f ON f.id = m.fellow_id WHERE f.cohort_id = ANY($1)`, [
      list,
    ]);
    await db.query(
      `SELECT s.* FROM mentoring_sessions s JOIN pairings p ON p.id = s.pairing_id WHERE p.cohort_id = ANY($1)`,
      [list],
    );
    await db.query(
      `SELECT fa.* FROM feedback_answers fa JOIN pairings p ON p.id = fa.pairing_id WHERE p.cohort_id = ANY($1)`,
      [list],
    );
  };
  const one = await timed(progress([ids[0]], false));
  const oneBase = await timed(() => load([ids[0]]));
  const atRisk = await timed(progress([ids[0]], true));
  const all = await timed(progress(ids, false), 5);
  const allBase = await timed(() => load(ids), 5);
  const { rows } = await progress(ids, true)();
  return { one, oneBase, atRisk, all, allBase, flagged: rows.length };
}

/** Writes `n` rows through the reports' writer into a sink, sampling memory every 5 ms. */
async function writeFile(format, n) {
  let bytes = 0;
  const sink = new Writable({
    write(chunk, _enc, done) {
      bytes += chunk.length;
      done();
    },
  });
  const columns = ['Fellow', 'Hub', 'Due', 'Approved', 'Percent', 'Overdue', 'Sessions', 'Days', 'Rating', 'Flags'].map(
    (header, i) => ({ header, value: (r) => r[i] }),
  );
  global.gc?.();
  const base = process.memoryUsage();
  let peakRss = base.rss;
  let peakHeap = base.heapUsed;
  const timer = setInterval(() => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  }, 5);
  const start = process.hrtime.bigint();
  const writer = createReportWriter(format, sink, 'Progress', columns);
  for (let i = 0; i < n; i += 500) {
    const batch = [];
    for (let j = i; j < Math.min(n, i + 500); j++)
      batch.push([`Nguyễn Văn ${j}`, 'Tokyo', 12, 10, 83.3, 1, 22, 4, 3.9, j % 7 ? '' : 'low_ratings']);
    writer.write(batch);
    await new Promise((r) => setImmediate(r));
  }
  await writer.end();
  const time = ms(start);
  clearInterval(timer);
  return {
    time,
    bytes,
    rssMb: (peakRss - base.rss) / 2 ** 20,
    heapMb: (peakHeap - base.heapUsed) / 2 ** 20,
    peakRssMb: peakRss / 2 ** 20,
  };
}

async function main() {
  let q;
  await withBenchDatabase('reports', async (db) => {
    const start = process.hrtime.bigint();
    await seed(db);
    console.log(
      `seeded ${COHORTS} cohorts × ${FELLOWS} fellows, 12 months of data, in ${(ms(start) / 1000).toFixed(1)} s`,
    );
    q = await benchQueries(db);
  });
  const csv = await writeFile('csv', 10_000);
  const xlsx = await writeFile('xlsx', 10_000);
  console.log(
    `progress+at-risk, 1 cohort (100 fellows): ${q.one.toFixed(1)} ms (at-risk only ${q.atRisk.toFixed(1)} ms); ` +
      `plain SELECT of its rows ${q.oneBase.toFixed(1)} ms → ×${(q.one / q.oneBase).toFixed(2)}`,
  );
  console.log(
    `progress+at-risk, ${COHORTS} cohorts at once: ${q.all.toFixed(1)} ms (${q.flagged} flagged); ` +
      `plain SELECT ${q.allBase.toFixed(1)} ms → ×${(q.all / q.allBase).toFixed(2)}`,
  );
  console.log(
    `10,000-row XLSX: ${xlsx.time.toFixed(0)} ms, ${(xlsx.bytes / 1024).toFixed(0)} KiB, peak RSS ${xlsx.peakRssMb.toFixed(0)} MiB, heap +${xlsx.heapMb.toFixed(1)} MiB; ` +
      `CSV ${csv.time.toFixed(0)} ms, heap +${csv.heapMb.toFixed(1)} MiB → XLSX ×${(xlsx.time / csv.time).toFixed(2)} time`,
  );
  console.log(
    `RESULT reports cohort_ms=${q.one.toFixed(1)} cohort_vs_select=${(q.one / q.oneBase).toFixed(2)} cohorts20_ms=${q.all.toFixed(1)} ` +
      `cohorts20_vs_select=${(q.all / q.allBase).toFixed(2)} xlsx10k_ms=${xlsx.time.toFixed(0)} xlsx_vs_csv=${(xlsx.time / csv.time).toFixed(2)} ` +
      `xlsx_peak_rss_mb=${xlsx.peakRssMb.toFixed(0)} xlsx_peak_heap_mb=${xlsx.heapMb.toFixed(1)}`,
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
