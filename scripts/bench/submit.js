// The cost of the framework on the busiest write: POST /api/v1/applications/:id/submit of the real API
// (Nest + Fastify + TypeORM, guard, logging, outbox) against a bare node:http + pg server doing the same
// SQL in one transaction (baseline/submit-server.js), measured in the same run on the same data.
//   npm run bench -- submit [seconds] [connections]
//
// It works in a database of its own (vgbf_bench, migrated here, dropped at the end) holding one open
// cohort and, per phase, fresh applicants signed in (session rows inserted by SQL) with complete drafts
// (every section, and the CV and business registration rows; no files: submit only checks the rows).
// Every request submits a different draft with its own Idempotency-Key, so each draft is submitted
// exactly once per run; after each phase SQL checks that the submitted drafts, status changes and
// outbox rows number exactly the 200 answers. A phase sends a fixed number of requests (so that none is
// cut off in flight), sized from the warm-up rate to last about `seconds` / 2; each target runs two.
const { spawn, execFileSync } = require('node:child_process');
const { randomBytes, randomUUID } = require('node:crypto');
const path = require('node:path');
const { Client } = require('pg');
const { ROOT, cpuSeconds, freePort, load, printTable, startApi, waitFor } = require('./lib');

const BENCH_DB = 'vgbf_bench';
const WARMUP_REQUESTS = 1000;
const MAX_REQUESTS = 60_000;
const PHASE_MAX_SECONDS = 45;
const POOL_SIZE = process.env.DATABASE_POOL_SIZE ?? '10'; // the API's default; the baseline gets the same

/** An application that passes completeness and the default eligibility rules (as test/support/applications.ts). */
const SECTIONS = {
  personal: {
    fullName: 'Nguyễn Văn An',
    dateOfBirth: '1992-05-17',
    gender: 'male',
    province: 'Hà Nội',
    phone: '+84912345678',
    citizenship: 'VN',
  },
  enterprise: {
    name: 'Công ty Cổ phần Lúa Vàng',
    taxCode: '0101234567',
    foundingYear: 2018,
    sector: 'agriculture_food',
    employeesBand: '50-199',
    revenueBand: '50-200bn',
  },
  languages: { english: { test: 'IELTS', score: 7 } },
  essays: {
    motivation: 'Đưa gạo Việt ra thế giới.',
    marketEntryPlan: 'Singapore trước.',
    ambassador: 'Kết nối doanh nghiệp.',
  },
  referees: [
    { name: 'Trần Thị Mai', email: 'mai@example.vn', relation: 'Mentor' },
    { name: 'Lê Văn Nam', email: 'nam@example.vn', relation: 'Investor' },
  ],
};

function withDatabase(url, name) {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function recreateDatabase(adminUrl, drop = false) {
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${BENCH_DB} WITH (FORCE)`);
    if (!drop) await admin.query(`CREATE DATABASE ${BENCH_DB}`);
  } finally {
    await admin.end();
  }
}

/** One open cohort with the default hubs and eligibility rules, closing in 30 days. */
async function createCohort(db) {
  const rules = require(path.join(ROOT, 'config/eligibility.json'));
  const hubs = require(path.join(ROOT, 'config/hubs.json'));
  const {
    rows: [cohort],
  } = await db.query(
    `INSERT INTO cohorts (name, year, target_size, track_months, application_opens_at, application_closes_at,
                          offer_response_days, programme_start_date, status, eligibility_rules, feedback_checkpoints)
     VALUES ('VGBF Bench', 2027, 90, 6, now() - interval '1 day', now() + interval '30 days', 7,
             (now() + interval '60 days')::date, 'open', $1, '[]') RETURNING id`,
    [JSON.stringify(rules)],
  );
  for (const hub of hubs) {
    await db.query(
      `INSERT INTO hubs (cohort_id, code, name, city, capacity, partner_organisations, language_requirements)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        cohort.id,
        hub.code,
        hub.name,
        hub.city,
        hub.capacity,
        hub.partnerOrganisations,
        JSON.stringify(hub.languageRequirements),
      ],
    );
  }
  return cohort.id;
}

/**
 * `count` signed-in applicants with complete drafts, all by set-based SQL. Applicant n of set `label` is
 * `<label>-<n>@bench.vgbf.local`; its session token is `<secret>.<email>` (stored as SHA-256, as login does).
 */
async function createDrafts(db, { cohortId, secret, label, count }) {
  const like = `${label}-%@bench.vgbf.local`;
  await db.query('BEGIN');
  await db.query(
    `INSERT INTO users (email, email_normalized, full_name, roles, language, password_hash, email_verified_at)
     SELECT e, e, 'Applicant ' || g, '{applicant}', 'vi', '$argon2id$v=19$m=19456,t=2,p=1$bench$bench', now()
       FROM generate_series(1, $2::int) g, LATERAL (SELECT $1 || '-' || g || '@bench.vgbf.local' AS e) x`,
    [label, count],
  );
  await db.query(
    `INSERT INTO sessions (user_id, token_hash, expires_at, user_agent)
     SELECT id, encode(sha256(convert_to($1 || '.' || email, 'UTF8')), 'hex'), now() + interval '1 day', 'bench'
       FROM users WHERE email LIKE $2`,
    [secret, like],
  );
  await db.query(
    `INSERT INTO applications (cohort_id, applicant_id, personal, region, enterprise, languages, hub_preferences, essays, referees)
     SELECT $1, id, $3, 'North', $4, $5, '{SG,JP}', $6, $7 FROM users WHERE email LIKE $2`,
    [
      cohortId,
      like,
      JSON.stringify(SECTIONS.personal),
      JSON.stringify(SECTIONS.enterprise),
      JSON.stringify(SECTIONS.languages),
      JSON.stringify(SECTIONS.essays),
      JSON.stringify(SECTIONS.referees),
    ],
  );
  await db.query(
    `INSERT INTO application_documents (application_id, kind, filename, size_bytes, sha256, storage_key, uploaded_by)
     SELECT a.id, k.kind, k.kind || '.pdf', 1024, repeat('0', 64), 'bench/' || a.id || '/' || k.kind, a.applicant_id
       FROM applications a JOIN users u ON u.id = a.applicant_id
      CROSS JOIN (VALUES ('cv'), ('business_registration')) k(kind)
      WHERE u.email LIKE $1`,
    [like],
  );
  const { rows } = await db.query(
    `SELECT a.id, u.email FROM applications a JOIN users u ON u.id = a.applicant_id WHERE u.email LIKE $1`,
    [like],
  );
  await db.query('COMMIT');
  return { label, drafts: rows.map((r) => ({ id: r.id, token: `${secret}.${r.email}` })) };
}

/** autocannon requests, each submitting the next unused draft of the set with a fresh Idempotency-Key. */
function submitRequests(set) {
  let next = 0;
  return [
    {
      method: 'POST',
      setupRequest: (req) => {
        const draft = set.drafts[next++];
        if (!draft) throw new Error(`set ${set.label}: all ${set.drafts.length} drafts used`);
        return {
          ...req,
          path: `/api/v1/applications/${draft.id}/submit`,
          headers: { authorization: `Bearer ${draft.token}`, 'idempotency-key': randomUUID() },
        };
      },
    },
  ];
}

/** PostgreSQL backends of one server's pool (by application_name) → CPU seconds used so far. */
async function backendCpu(db, applicationName) {
  const { rows } = await db.query(
    `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND application_name = $1`,
    [applicationName],
  );
  const cpu = cpuSeconds(rows.map((r) => r.pid));
  return new Map(rows.map((r, i) => [r.pid, cpu[i]]));
}

/** CPU seconds the server process and its PostgreSQL backends use from now until the returned function is called. */
async function cpuMeter(db, server) {
  const [serverBefore] = cpuSeconds([server.pid]);
  const backendsBefore = await backendCpu(db, server.applicationName);
  return async () => {
    const [serverAfter] = cpuSeconds([server.pid]);
    const backendsAfter = await backendCpu(db, server.applicationName);
    let pg = backendsAfter.size ? 0 : null;
    for (const [pid, after] of backendsAfter) {
      pg = after === null || pg === null ? null : pg + after - (backendsBefore.get(pid) ?? 0);
    }
    return { server: serverBefore === null || serverAfter === null ? null : serverAfter - serverBefore, pg };
  };
}

const perRequest = (seconds, requests) => (seconds === null || !requests ? null : (seconds * 1000) / requests);
const ms = (value) => (value === null ? 'n/a' : `${value.toFixed(2)} ms`);

/** Submits `amount` drafts of the set and checks by SQL that exactly the 200 answers took effect. */
async function phase(db, { name, server, set, amount, connections }) {
  const labelled = `${set.label}-%@bench.vgbf.local`;
  const counts = async () =>
    (
      await db.query(
        `SELECT (SELECT count(*)::int FROM applications a JOIN users u ON u.id = a.applicant_id
                  WHERE u.email LIKE $1 AND a.status = 'submitted') AS submitted,
                (SELECT count(*)::int FROM application_status_changes c JOIN applications a ON a.id = c.application_id
                   JOIN users u ON u.id = a.applicant_id WHERE u.email LIKE $1) AS changes,
                (SELECT count(*)::int FROM outbox) AS outbox`,
        [labelled],
      )
    ).rows[0];
  const before = await counts();
  const drafts = set.drafts.splice(0, amount + connections); // never reused by a later phase
  if (drafts.length < amount + connections) throw new Error(`set ${set.label} has too few drafts left for ${name}`);
  const meter = await cpuMeter(db, server);
  const result = await load({
    url: server.url,
    connections,
    amount,
    maxSeconds: PHASE_MAX_SECONDS,
    requests: submitRequests({ label: set.label, drafts }),
    failOnErrors: false,
  });
  result.cpu = await meter();
  const after = await counts();
  const [submitted, changes, outbox] = ['submitted', 'changes', 'outbox'].map((k) => after[k] - before[k]);
  const codes = Object.entries(result.statusCodes)
    .map(([code, { count }]) => `${code}×${count}`)
    .join(' ');
  console.log(
    `${name}: ${result.total} answers (${codes}) in ${result.seconds.toFixed(2)} s = ${result.rps.toFixed(0)} req/s, ` +
      `p50 ${result.p50} ms, p99 ${result.p99} ms; errors ${result.errors}, timeouts ${result.timeouts}; ` +
      `submitted ${submitted}, status changes ${changes}, outbox rows ${outbox}; CPU per request: ` +
      `server ${ms(perRequest(result.cpu.server, result.total))}, PostgreSQL ${ms(perRequest(result.cpu.pg, result.total))}`,
  );
  if (result.total < amount) {
    throw new Error(`${name}: stopped after ${PHASE_MAX_SECONDS} s with ${result.total} of ${amount} answers`);
  }
  if (result.non2xx || result.errors) {
    throw new Error(`${name}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
  }
  if (submitted !== result.ok || changes !== result.ok || outbox !== result.ok) {
    throw new Error(
      `${name}: ${result.ok} answers of 200 but ${submitted} submitted drafts, ${changes} status changes, ${outbox} outbox rows`,
    );
  }
  return result;
}

/** Rounds of one target as one figure: requests over time; latencies weighted by requests (an approximation). */
function combine(rounds) {
  const total = rounds.reduce((n, r) => n + r.total, 0);
  const seconds = rounds.reduce((n, r) => n + r.seconds, 0);
  const weighted = (key) => rounds.reduce((n, r) => n + r[key] * r.total, 0) / total;
  const cpu = (key) =>
    rounds.some((r) => r.cpu[key] === null)
      ? null
      : perRequest(
          rounds.reduce((n, r) => n + r.cpu[key], 0),
          total,
        );
  return {
    rps: total / seconds,
    p50: Math.round(weighted('p50')),
    p99: Math.round(weighted('p99')),
    total,
    cpuServer: cpu('server'),
    cpuPg: cpu('pg'),
  };
}

/** The baseline server in its own process, like the API (not sharing the load generator's event loop). */
async function startBaseline(env) {
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(__dirname, 'baseline', 'submit-server.js')], {
    cwd: ROOT,
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  await waitFor(`http://127.0.0.1:${port}/health`);
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid,
    applicationName: 'vgbf-bench-baseline',
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', resolve);
        child.kill('SIGTERM');
      }),
  };
}

async function main() {
  const seconds = Number(process.argv[2] ?? 10);
  const connections = Number(process.argv[3] ?? 32);
  if (!process.env.DATABASE_URL) throw new Error('DATABASE_URL is not set (run through npm run bench -- submit)');
  const adminUrl = process.env.DATABASE_URL;
  const benchUrl = withDatabase(adminUrl, BENCH_DB);
  const env = { DATABASE_URL: benchUrl, DATABASE_POOL_SIZE: POOL_SIZE };

  console.log(`Setting up database ${BENCH_DB} …`);
  await recreateDatabase(adminUrl);
  const db = new Client({ connectionString: benchUrl });
  let baseline;
  let api;
  try {
    execFileSync(
      process.execPath,
      ['node_modules/typeorm/cli.js', 'migration:run', '-d', 'dist/apps/api/apps/api/src/data-source.js'],
      { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] },
    );
    await db.connect();
    const cohortId = await createCohort(db);
    const secret = randomBytes(12).toString('hex');
    const drafts = (label, count) => createDrafts(db, { cohortId, secret, label, count });
    baseline = await startBaseline(env);
    // application_name of the API's pool (libs/database), to find its PostgreSQL backends
    api = { ...(await startApi(env)), applicationName: 'vgbf' };
    const targets = [
      { name: 'baseline', server: baseline, label: 'b' },
      { name: 'API', server: api, label: 'a' },
    ];
    const run = (target, name, amount) =>
      phase(db, { name, server: target.server, set: target.set, amount, connections });

    // Warm-up (JIT, pools), twice each; the second round's rate sizes the measured rounds.
    for (const t of targets) t.set = await drafts(`w${t.label}`, 2 * (WARMUP_REQUESTS + connections));
    for (const t of targets) await run(t, `warm-up ${t.name}`, WARMUP_REQUESTS);
    for (const t of targets) t.warmRate = (await run(t, `warm-up ${t.name}`, WARMUP_REQUESTS)).rps;

    // Two measured rounds each of about seconds / 2, in the order baseline, API, API, baseline, so that a
    // load that drifts during the run (other work on a shared machine) weighs on both alike.
    for (const t of targets) {
      t.amount = Math.min(MAX_REQUESTS, Math.max(WARMUP_REQUESTS, Math.round((t.warmRate * seconds) / 2)));
      t.set = await drafts(`m${t.label}`, 2 * (t.amount + connections));
      t.rounds = [];
    }
    await db.query('VACUUM ANALYZE');
    for (const t of [...targets, ...[...targets].reverse()]) t.rounds.push(await run(t, t.name, t.amount));

    const [base, real] = targets.map((t) => combine(t.rounds));
    console.log();
    printTable([
      { name: 'node:http + pg baseline', ...base },
      { name: 'API POST …/submit', ...real },
    ]);
    const ratio = real.rps / base.rps;
    const p99Ratio = base.p99 > 0 ? real.p99 / base.p99 : NaN;
    console.log(
      `\nThroughput: API at ${(ratio * 100).toFixed(0)} % of the bare node:http + pg baseline (target ≥ 60 %); ` +
        `p99 ${p99Ratio.toFixed(2)}x (target ≤ 2x). ${connections} connections, pool ${POOL_SIZE}.\n` +
        `CPU per request, server + its PostgreSQL backends: baseline ${ms(base.cpuServer)} + ${ms(base.cpuPg)}, ` +
        `API ${ms(real.cpuServer)} + ${ms(real.cpuPg)}.`,
    );
    console.log(
      `RESULT submit api_rps=${real.rps.toFixed(0)} baseline_rps=${base.rps.toFixed(0)} ratio=${ratio.toFixed(2)} p99_ratio=${p99Ratio.toFixed(2)}`,
    );
  } finally {
    await api?.stop();
    await baseline?.stop();
    await db.end().catch(() => undefined);
    await recreateDatabase(adminUrl, true);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
