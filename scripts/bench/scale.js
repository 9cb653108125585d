// Each cohort's pages blind to the others' volume (issue 16), in one run on this machine, on a database of
// its own (created, migrated, dropped): the demo seed (the project's real `cli seed`), the real API from
// dist/ in its own process, a staff session, and the data of each staff page as the web loads it (same
// endpoints, default query, first page where paginated), for the largest seeded cohort that has
// applications, reviews, fellows, milestones and sessions. Three stages, each measured the same way:
//   seeded     the demo as seeded;
//   others×20  every seeded cohort copied 20 times into new cohorts (scale/copy.js: INSERT … SELECT
//              with new ids and every reference mapped, driven by the schema) — the measured cohort
//              itself unchanged;
//   self×20    the measured cohort's applications and all that hangs off them copied 19 more times into it.
// Ratios against a twin: the same demo seeded into a second database and served by a second API, left
// as seeded; at every stage each single request to the measured API alternates with the same request to
// the twin (same moment, same machine load), so "unchanged cohort after the others grew" is measured
// ÷ the same cohort at the same time, not ÷ an earlier stage on a machine whose load has changed since
// (shared 2-core machine; after a copy PostgreSQL also checkpoints). The stage-to-stage ratio is printed too.
// Per page and stage: the single-request median (15 sequential requests after 3 warm-ups) and the p95
// under concurrent load (four pages at once, 8 connections each, `seconds` per group, default 15); the
// API's peak RSS (polled VmRSS, and VmHWM). Targets (issue 16) printed beside the figures; unmet
// targets do not fail the run (a measurement), errors (non-2xx answers, a failed copy) do.
//   npm run bench -- scale [seconds] [--keep-db]
// --keep-db leaves the grown database (vgbf_bench_scale_<pid>) in place afterwards, for
// EXPLAIN (ANALYZE, BUFFERS) on the self×20 data (the measured cohort's id is printed).
const { execFileSync } = require('node:child_process');
const { createHash, randomBytes } = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const autocannon = require('autocannon');
const { ROOT, startApi, withBenchDatabase } = require('./lib');
const { copyCohorts, growCohort } = require('./scale/copy');
const { median, percentile } = require('./scale/plan');

const CLI_MAIN = path.join(ROOT, 'dist/apps/api/apps/api/src/cli.js');
const COPIES = 20;
const WARMUPS = 3;
const WARMUP_ROUNDS = 20; // per page, once before the first stage
const SINGLES = 15;
const CONNECTIONS = 8;
const SINGLE_TARGET_MS = 50;
const LOAD_TARGET_MS = 300;
const UNCHANGED_TARGET = 1.1;
const RSS_TARGET_MIB = 300;

/** The web's calls (apps/web/src: staff/ApplicationsListPage, committee/api, dashboard/api, cockpit/Cockpit). */
const PAGES = [
  { key: 'applications', path: (c) => `/api/v1/applications?cohortId=${c}&page=1&pageSize=25` },
  { key: 'ranking', path: (c) => `/api/v1/cohorts/${c}/ranking?score=normalized`, sized: true },
  { key: 'dashboard', path: (c) => `/api/v1/cohorts/${c}/dashboard`, sized: true },
  { key: 'progress', path: (c) => `/api/v1/cohorts/${c}/progress`, sized: true },
  { key: 'at-risk', path: (c) => `/api/v1/cohorts/${c}/at-risk` },
  { key: 'pipeline', path: (c) => `/api/v1/applications/pipeline?cohortId=${c}` },
  { key: 'export xlsx', path: (c) => `/api/v1/applications/export?format=xlsx&cohortId=${c}&lang=vi` },
  // Every cohort with its counts, by design: it grows with the number of cohorts (no 1.1× target).
  { key: 'cockpit', path: () => '/api/v1/cockpit', allCohorts: true },
];
const LOAD_GROUPS = [
  ['dashboard', 'ranking', 'progress', 'applications'],
  ['at-risk', 'pipeline', 'export xlsx', 'cockpit'],
];

const elapsed = (start) => Number(process.hrtime.bigint() - start) / 1e6;

/** The largest seeded cohort (by applications) that has reviews, fellows, milestones and sessions. */
async function pickCohort(db) {
  const { rows } = await db.query(`
    SELECT c.id, c.name, (SELECT count(*)::int FROM applications a WHERE a.cohort_id = c.id) AS applications
      FROM cohorts c
     WHERE EXISTS (SELECT 1 FROM applications a JOIN review_assignments ra ON ra.application_id = a.id
                     JOIN reviews r ON r.assignment_id = ra.id WHERE a.cohort_id = c.id)
       AND EXISTS (SELECT 1 FROM fellows f JOIN milestones m ON m.fellow_id = f.id WHERE f.cohort_id = c.id)
       AND EXISTS (SELECT 1 FROM pairings p JOIN mentoring_sessions s ON s.pairing_id = p.id WHERE p.cohort_id = c.id)
     ORDER BY applications DESC, c.name LIMIT 1`);
  if (!rows.length) throw new Error('no seeded cohort has applications, reviews, fellows, milestones and sessions');
  return rows[0];
}

/** A signed-in staff member: a session row as login writes it (the token's SHA-256), as the submit bench does. */
async function staffToken(db) {
  const token = randomBytes(24).toString('base64url');
  const { rowCount } = await db.query(
    `INSERT INTO sessions (user_id, token_hash, expires_at, user_agent)
     SELECT id, $1, now() + interval '1 day', 'bench' FROM users
      WHERE 'staff' = ANY (roles) AND deactivated_at IS NULL ORDER BY created_at LIMIT 1`,
    [createHash('sha256').update(token).digest('hex')],
  );
  if (rowCount !== 1) throw new Error('the seed made no staff account');
  return token;
}

async function counts(db, cohortId) {
  const { rows } = await db.query(
    `SELECT (SELECT count(*)::int FROM cohorts) AS cohorts, (SELECT count(*)::int FROM applications) AS applications,
            (SELECT count(*)::int FROM applications WHERE cohort_id = $1) AS own,
            (SELECT count(*)::int FROM reviews) AS reviews, (SELECT count(*)::int FROM fellows WHERE cohort_id = $1) AS fellows,
            (SELECT count(*)::int FROM milestones) AS milestones, (SELECT count(*)::int FROM mentoring_sessions) AS sessions`,
    [cohortId],
  );
  return rows[0];
}

/** Peak RSS of a process, polled from /proc (MiB); `peak()` since the last `reset()`, `hwm()` its lifetime high. */
function rssMeter(pid) {
  const read = (field) => {
    try {
      const m = fs.readFileSync(`/proc/${pid}/status`, 'utf8').match(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm'));
      return m ? Number(m[1]) / 1024 : null;
    } catch {
      return null;
    }
  };
  let top = 0;
  const timer = setInterval(() => (top = Math.max(top, read('VmRSS') ?? 0)), 100);
  timer.unref();
  return {
    now: () => read('VmRSS'),
    peak: () => Math.max(top, read('VmRSS') ?? 0),
    reset: () => (top = read('VmRSS') ?? 0),
    hwm: () => read('VmHWM'),
    stop: () => clearInterval(timer),
  };
}

async function get(url, token) {
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  const body = Buffer.from(await response.arrayBuffer());
  if (!response.ok) throw new Error(`GET ${url}: ${response.status} ${body.toString('utf8').slice(0, 300)}`);
  return body.length;
}

/**
 * Median of SINGLES sequential requests after WARMUPS, each alternating with the same page of the twin
 * (seed only): both medians, and the answer's size.
 */
async function paired(url, token, twinUrl, twinToken) {
  let bytes = 0;
  for (let i = 0; i < WARMUPS; i++) {
    bytes = await get(url, token);
    await get(twinUrl, twinToken);
  }
  const times = [];
  const twinTimes = [];
  for (let i = 0; i < SINGLES; i++) {
    // Alternate which goes first, so that neither always follows the other's work.
    const order = i % 2 ? [true, false] : [false, true];
    for (const twin of order) {
      const start = process.hrtime.bigint();
      await (twin ? get(twinUrl, twinToken) : get(url, token));
      (twin ? twinTimes : times).push(elapsed(start));
    }
  }
  return { median: median(times), twin: median(twinTimes), bytes };
}

/** Several URLs under load at once (CONNECTIONS each for `seconds`); p95 of each from every answer's latency. */
async function together(urls, token, seconds) {
  return Promise.all(
    urls.map(
      (url) =>
        new Promise((resolve, reject) => {
          const latencies = [];
          const instance = autocannon(
            // A slow answer is a figure, not an error: wait up to a minute for it.
            {
              url,
              connections: CONNECTIONS,
              duration: seconds,
              timeout: 60,
              headers: { authorization: `Bearer ${token}` },
            },
            (error, result) => {
              if (error) return reject(error);
              if (result.errors || result.non2xx) {
                return reject(
                  new Error(`${url}: ${result.errors} errors, ${result.non2xx} non-2xx answers under load`),
                );
              }
              resolve({
                p95: percentile(latencies, 0.95),
                requests: latencies.length,
                rps: latencies.length / seconds,
              });
            },
          );
          instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
        }),
    ),
  );
}

/**
 * Before the first stage: the API's code paths compiled and its pool filled (not measured), with no
 * more concurrency than the measured load (so that it does not raise the peak RSS).
 */
async function warmUp(api, token, cohortId) {
  for (const page of PAGES) for (let i = 0; i < WARMUP_ROUNDS; i++) await get(api.url + page.path(cohortId), token);
  for (const group of LOAD_GROUPS) {
    await together(
      group.map((key) => api.url + PAGES.find((p) => p.key === key).path(cohortId)),
      token,
      3,
    );
  }
}

async function measure(stage, api, token, cohortId, seconds, twin) {
  const result = {};
  api.rss.reset();
  for (const page of PAGES) {
    result[page.key] = await paired(
      api.url + page.path(cohortId),
      token,
      twin.url + page.path(twin.cohortId),
      twin.token,
    );
  }
  // Where the RSS grew: its peak so far after the single requests and after each load group.
  const growth = [`single requests ${api.rss.peak().toFixed(0)}`];
  for (const group of LOAD_GROUPS) {
    const loads = await together(
      group.map((key) => api.url + PAGES.find((p) => p.key === key).path(cohortId)),
      token,
      seconds,
    );
    group.forEach((key, i) => Object.assign(result[key], loads[i]));
    growth.push(`${group.join(' + ')} ${api.rss.peak().toFixed(0)}`);
  }
  const rss = api.rss.peak();
  console.log(
    `  ${stage}: ${PAGES.map((p) => `${p.key} ${result[p.key].median.toFixed(1)} ms (twin ${result[p.key].twin.toFixed(1)}) / p95 ${p95(result[p.key])} ms`).join(', ')}; ` +
      `API RSS peak (MiB) after ${growth.join(', after ')}`,
  );
  return { pages: result, rss };
}

function printTable(header, rows) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const fmt = (cells) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(fmt(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  rows.forEach((r) => console.log(fmt(r)));
}

const verdict = (ok) => (ok ? 'met' : 'NOT MET');
/** A p95 of a load run in which no answer came back in time: shown as such, and never "met". */
const p95 = (figure) => (Number.isNaN(figure.p95) ? 'none' : figure.p95.toFixed(0));
const kib = (bytes) => `${(bytes / 1024).toFixed(bytes < 10_240 ? 1 : 0)}`;

function report({ seeded, others, self, cohort, sizes, rssHwm, seconds }) {
  const unmet = [];
  console.log(
    `\nSingle-request median (ms, ${SINGLES} sequential after ${WARMUPS} warm-ups, each alternating with the twin's), ` +
      `answer size (KiB). "twin" = the same page of the seed-only twin in the same seconds; "÷ twin" is the ratio the ` +
      `targets read: unchanged cohort ≤ ${UNCHANGED_TARGET}× after the others grew; at ×20 dashboard, ranking, progress ≤ ${SINGLE_TARGET_MS} ms. ` +
      `"÷ stage" = ÷ the seeded stage minutes earlier (load may have changed).`,
  );
  printTable(
    [
      'page',
      'seeded',
      'twin',
      'others×20',
      'twin',
      '÷ twin',
      'target',
      '÷ stage',
      'self×20',
      'twin',
      '÷ twin',
      '≤ 50 ms',
      'KiB seeded',
      'KiB ×20',
    ],
    PAGES.map((p) => {
      const [a, b, c] = [seeded, others, self].map((s) => s.pages[p.key]);
      const ratio = b.median / b.twin;
      const unchanged = p.allCohorts ? 'n/a (all cohorts)' : verdict(ratio <= UNCHANGED_TARGET);
      if (!p.allCohorts && ratio > UNCHANGED_TARGET) unmet.push(`${p.key} unchanged ${ratio.toFixed(2)}×`);
      if (p.sized && c.median > SINGLE_TARGET_MS) unmet.push(`${p.key} ×20 ${c.median.toFixed(0)} ms`);
      return [
        p.key,
        a.median.toFixed(1),
        a.twin.toFixed(1),
        b.median.toFixed(1),
        b.twin.toFixed(1),
        `${ratio.toFixed(2)}×`,
        unchanged,
        `${(b.median / a.median).toFixed(2)}×`,
        c.median.toFixed(1),
        c.twin.toFixed(1),
        `${(c.median / c.twin).toFixed(1)}×`,
        p.sized ? verdict(c.median <= SINGLE_TARGET_MS) : '',
        kib(a.bytes),
        kib(c.bytes),
      ];
    }),
  );
  console.log(
    `\np95 under load (ms; ${LOAD_GROUPS.map((g) => g.join(' + ')).join(', then ')}: four pages at once, ` +
      `${CONNECTIONS} connections each, ${seconds} s); target at ×20 for dashboard, ranking, progress ≤ ${LOAD_TARGET_MS} ms`,
  );
  printTable(
    ['page', 'seeded', 'req/s', 'others×20', 'req/s', 'self×20', 'req/s', '≤ 300 ms'],
    PAGES.map((p) => {
      const [a, b, c] = [seeded, others, self].map((s) => s.pages[p.key]);
      const ok = c.p95 <= LOAD_TARGET_MS; // false for NaN
      if (p.sized && !ok) unmet.push(`${p.key} ×20 p95 ${p95(c)} ms`);
      return [
        p.key,
        p95(a),
        a.rps.toFixed(1),
        p95(b),
        b.rps.toFixed(1),
        p95(c),
        c.rps.toFixed(1),
        p.sized ? verdict(ok) : '',
      ];
    }),
  );
  const peak = Math.max(seeded.rss, others.rss, self.rss, rssHwm ?? 0);
  if (peak > RSS_TARGET_MIB) unmet.push(`API peak RSS ${peak.toFixed(0)} MiB`);
  console.log(
    `\nAPI RSS peak per stage: seeded ${seeded.rss.toFixed(0)}, others×20 ${others.rss.toFixed(0)}, self×20 ${self.rss.toFixed(0)} MiB; ` +
      `VmHWM ${rssHwm?.toFixed(0) ?? 'n/a'} MiB → peak ${peak.toFixed(0)} MiB (target ≤ ${RSS_TARGET_MIB}: ${verdict(peak <= RSS_TARGET_MIB)})`,
  );
  console.log(
    `Data: ${sizes
      .map(
        (s) =>
          `${s.stage}: ${s.cohorts} cohorts, ${s.applications} applications (${s.own} in ${cohort.name}, ${s.fellows} fellows), ` +
          `${s.reviews} reviews, ${s.milestones} milestones, ${s.sessions} sessions`,
      )
      .join('; ')}`,
  );
  console.log(unmet.length ? `Targets not met: ${unmet.join('; ')}` : 'All targets met.');
  const figure = (s, key, field) => s.pages[key][field].toFixed(field === 'median' ? 1 : 0);
  console.log(
    `RESULT scale ${PAGES.filter((p) => !p.allCohorts)
      .map(
        (p) =>
          `${p.key.replace(/\W+/g, '_')}_unchanged=${(others.pages[p.key].median / others.pages[p.key].twin).toFixed(2)}`,
      )
      .join(' ')} ${['dashboard', 'ranking', 'progress']
      .map((k) => `${k}_x20_ms=${figure(self, k, 'median')} ${k}_x20_p95=${figure(self, k, 'p95')}`)
      .join(' ')} peak_rss_mib=${peak.toFixed(0)} targets=${unmet.length ? 'missed' : 'met'}`,
  );
}

/** The project's real `cli seed` into a fresh database, left as autovacuum leaves it at rest (index-only scans need it). */
async function seedDemo(db, env) {
  execFileSync(process.execPath, [CLI_MAIN, 'seed'], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  await db.query('VACUUM ANALYZE');
}

/** The twin: the demo seeded into a database of its own and served by an API of its own, never grown. */
async function withTwin(work) {
  const storage = fs.mkdtempSync(path.join(os.tmpdir(), 'vgbf-bench-scale-twin-'));
  try {
    return await withBenchDatabase('scale_twin', async (db, url) => {
      const env = { DATABASE_URL: url, STORAGE_DIR: storage };
      await seedDemo(db, env);
      const cohort = await pickCohort(db);
      const token = await staffToken(db);
      const api = await startApi(env);
      try {
        return await work({ url: api.url, token, cohortId: cohort.id });
      } finally {
        await api.stop();
      }
    });
  } finally {
    fs.rmSync(storage, { recursive: true, force: true });
  }
}

async function main() {
  const args = process.argv.slice(2);
  const keep = args.includes('--keep-db');
  const seconds = Number(args.find((a) => !a.startsWith('--')) ?? 15);
  if (!process.env.DATABASE_URL) throw new Error('DATABASE_URL is not set (run through npm run bench -- scale)');
  const storage = fs.mkdtempSync(path.join(os.tmpdir(), 'vgbf-bench-scale-'));
  try {
    await withBenchDatabase(
      'scale',
      async (db, url) => {
        const env = { DATABASE_URL: url, STORAGE_DIR: storage };
        let start = process.hrtime.bigint();
        await seedDemo(db, env);
        const cohort = await pickCohort(db);
        const token = await staffToken(db);
        const sizes = [{ stage: 'seeded', ...(await counts(db, cohort.id)) }];
        console.log(
          `Seeded the demo in ${(elapsed(start) / 1000).toFixed(1)} s; measuring "${cohort.name}" (${cohort.id}, ${cohort.applications} applications)`,
        );
        await withTwin(async (twin) => {
          const api = await startApi(env);
          api.rss = rssMeter(api.pid);
          try {
            console.log(`API pid ${api.pid}, RSS at start ${api.rss.now()?.toFixed(0)} MiB; twin API ${twin.url}`);
            await warmUp(api, token, cohort.id);
            await warmUp({ url: twin.url }, twin.token, twin.cohortId);
            const seeded = await measure('seeded', api, token, cohort.id, seconds, twin);

            start = process.hrtime.bigint();
            const { rows } = await db.query('SELECT id FROM cohorts');
            const grown = await copyCohorts(
              db,
              rows.map((r) => r.id),
              COPIES,
            );
            await db.query('VACUUM ANALYZE');
            sizes.push({ stage: 'others×20', ...(await counts(db, cohort.id)) });
            console.log(
              `Copied ${rows.length} cohorts ×${COPIES} into new ones (${grown.tables.length} tables, ` +
                `${Object.values(grown.totals).reduce((a, b) => a + b, 0)} rows) in ${(elapsed(start) / 1000).toFixed(1)} s`,
            );
            const others = await measure('others×20', api, token, cohort.id, seconds, twin);

            start = process.hrtime.bigint();
            const self = await growCohort(db, cohort.id, COPIES - 1);
            await db.query('VACUUM ANALYZE');
            sizes.push({ stage: 'self×20', ...(await counts(db, cohort.id)) });
            console.log(
              `Grew "${cohort.name}" ×${COPIES} in place (${self.tables.length} tables, ` +
                `${Object.values(self.totals).reduce((a, b) => a + b, 0)} rows) in ${(elapsed(start) / 1000).toFixed(1)} s`,
            );
            const selfGrown = await measure('self×20', api, token, cohort.id, seconds, twin);
            const rssHwm = api.rss.hwm();
            report({ seeded, others, self: selfGrown, cohort, sizes, rssHwm, seconds });
          } finally {
            api.rss.stop();
            await api.stop();
          }
        });
      },
      { keep },
    );
  } finally {
    fs.rmSync(storage, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
