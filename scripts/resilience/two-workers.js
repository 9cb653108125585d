#!/usr/bin/env node
// Issue 3: "With two worker processes running, a scheduled job set to every minute runs once per
// minute (recorded rows show no duplicate period)."
//
//   bash scripts/services.sh up; eval "$(bash scripts/services.sh env)"
//   npx nest build worker
//   node scripts/resilience/two-workers.js [seconds=150] [cron="* * * * *"]
//
// Starts two real worker processes (dist/) on a fresh database (migrated here) and their own queue
// prefix, with the maintenance job's cron set to every minute; after the run, prints each recorded
// period and how many runs and skips each worker logged. Exits non-zero unless every period was run
// exactly once (one row, one attempt, one worker) and at least the expected number of periods passed.
// Needs DATABASE_URL and REDIS_URL (the local services' `env` prints them); cleans up after itself.
const { spawn } = require('node:child_process');
const path = require('node:path');
const { Client } = require('pg');
const { Redis } = require('ioredis');

const ROOT = path.resolve(__dirname, '..', '..');
const WORKER_MAIN = path.join(ROOT, 'dist/apps/worker/apps/worker/src/main.js');
const seconds = Number(process.argv[2] ?? 150);
const cron = process.argv[3] ?? '* * * * *';
const JOB = 'maintenance.purge-auth';
const { DATABASE_URL, REDIS_URL } = process.env;
if (!DATABASE_URL || !REDIS_URL) {
  console.error('Set DATABASE_URL and REDIS_URL: eval "$(bash scripts/services.sh env)"');
  process.exit(2);
}
const name = `vgbf_resilience_${process.pid}`;
const dbUrl = Object.assign(new URL(DATABASE_URL), { pathname: `/${name}` }).toString();
const onServer = async (sql) => {
  const c = new Client({
    connectionString: Object.assign(new URL(DATABASE_URL), { pathname: '/postgres' }).toString(),
  });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
};

async function migrate() {
  require('reflect-metadata');
  const { DataSource } = require('typeorm');
  const { dataSourceOptions } = require(path.join(ROOT, 'dist/apps/worker/libs/database/src/index.js'));
  const ds = new DataSource(dataSourceOptions({ DATABASE_URL: dbUrl, DATABASE_POOL_SIZE: 2 }, []));
  await ds.initialize();
  await ds.runMigrations({ transaction: 'each' });
  await ds.destroy();
}

function startWorker(label) {
  const lines = [];
  const child = spawn(process.execPath, [WORKER_MAIN], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'test',
      DATABASE_URL: dbUrl,
      DATABASE_POOL_SIZE: '4',
      QUEUE_PREFIX: name,
      MAINTENANCE_CRON: cron,
      LOG_LEVEL: 'info',
      LOG_PRETTY: 'false',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (chunk) => lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise((resolve) => child.once('exit', resolve));
  return { label, child, lines, exited };
}

const count = (w, text) => w.lines.filter((l) => l.includes(text)).length;

async function main() {
  await onServer(`CREATE DATABASE "${name}"`);
  const workers = [];
  const redis = new Redis(REDIS_URL);
  try {
    await migrate();
    const started = Date.now();
    workers.push(startWorker('A'), startWorker('B'));
    console.log(
      `two workers (pids ${workers.map((w) => w.child.pid).join(', ')}), job "${JOB}" on "${cron}", ${seconds} s…`,
    );
    await new Promise((r) => setTimeout(r, seconds * 1000));
    for (const w of workers) {
      w.child.kill('SIGTERM');
      await w.exited;
    }
    const db = new Client({ connectionString: dbUrl });
    await db.connect();
    const { rows } = await db.query(
      `SELECT period, outcome, attempts, started_at FROM scheduled_job_runs WHERE job_name = $1 ORDER BY period`,
      [JOB],
    );
    await db.end();

    const periods = rows.map((r) => new Date(r.period).toISOString());
    const duplicates = periods.length - new Set(periods).size;
    for (const r of rows)
      console.log(
        `  period ${new Date(r.period).toISOString()}  ${r.outcome}  attempts ${r.attempts}  started ${new Date(r.started_at).toISOString()}`,
      );
    const ran = workers.map((w) => count(w, 'Scheduled run succeeded'));
    const skipped = workers.map((w) => count(w, 'already done or in progress'));
    const expected = Math.floor(seconds / 60);
    console.log(
      `RESULT two-workers: ${rows.length} periods in ${Math.round((Date.now() - started) / 1000)} s, ${duplicates} duplicate periods, ` +
        `runs per worker A=${ran[0]} B=${ran[1]} (total ${ran[0] + ran[1]}), skipped repeats A=${skipped[0]} B=${skipped[1]}`,
    );
    const ok =
      duplicates === 0 &&
      rows.length >= expected &&
      rows.every((r) => r.outcome === 'succeeded' && r.attempts === 1) &&
      ran[0] + ran[1] === rows.length;
    if (!ok) {
      console.error(`FAILED: expected at least ${expected} periods, each run exactly once`);
      for (const w of workers) console.error(`--- worker ${w.label}\n${w.lines.slice(-20).join('\n')}`);
    }
    process.exitCode = ok ? 0 : 1;
  } finally {
    for (const w of workers) if (w.child.exitCode === null) w.child.kill('SIGKILL');
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${name}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length) await redis.unlink(...keys);
    } while (cursor !== '0');
    redis.disconnect();
    await onServer(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
