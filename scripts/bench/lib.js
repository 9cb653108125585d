// Shared helpers of the benchmark scripts: run autocannon, start the real API, print a table.
const { execFileSync, spawn } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');
const autocannon = require('autocannon');

const ROOT = path.resolve(__dirname, '..', '..');
const API_MAIN = path.join(ROOT, 'dist/apps/api/apps/api/src/main.js');

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/**
 * Runs autocannon against one URL and returns throughput and latency figures. With `amount` it sends
 * that many requests (however long they take) and the rate is requests / elapsed time; otherwise it
 * runs for `seconds`; `maxSeconds` cuts any run short. Errors and non-2xx answers throw unless
 * `failOnErrors` is false.
 */
async function load({
  url,
  method = 'GET',
  body,
  headers,
  connections = 32,
  seconds = 10,
  requests,
  amount,
  maxSeconds,
  failOnErrors = true,
}) {
  const run = autocannon({
    url,
    method,
    body,
    headers,
    connections,
    duration: seconds,
    amount,
    requests,
    // autocannon notices the last answer of an `amount` run at its next sample tick: tick often then.
    sampleInt: amount ? 50 : 1000,
  });
  // An `amount` run against a server that stalls would otherwise wait for every request's timeout.
  const timer = maxSeconds ? setTimeout(() => run.stop(), maxSeconds * 1000) : undefined;
  const result = await run;
  clearTimeout(timer);
  if (failOnErrors && (result.errors || result.non2xx)) {
    throw new Error(`${url}: ${result.errors} errors, ${result.non2xx} non-2xx responses`);
  }
  return {
    rps: amount ? result.requests.total / result.duration : result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    total: result.requests.total,
    ok: result['2xx'],
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statusCodes: result.statusCodeStats,
    seconds: result.duration,
  };
}

async function waitFor(url, seconds = 30) {
  const until = Date.now() + seconds * 1000;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not answer within ${seconds} s`);
}

/** Starts the compiled API as production runs it (own process, JSON logs to /dev/null). */
async function startApi(env = {}) {
  const port = await freePort();
  // BENCH_API_NODE_ARGS, e.g. '--cpu-prof --cpu-prof-dir=/tmp/prof': node options for the API process only.
  const nodeArgs = (process.env.BENCH_API_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, API_MAIN], {
    cwd: ROOT,
    env: { ...process.env, API_PORT: String(port), API_HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  await waitFor(`http://127.0.0.1:${port}/health/ready`);
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', resolve);
        child.kill('SIGTERM');
      }),
  };
}

let clockTicks;
/**
 * CPU time (user + system, in seconds) each of these local processes has used so far, from /proc;
 * null for a process /proc does not show (gone, remote, not Linux).
 */
function cpuSeconds(pids) {
  clockTicks ??= Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  return pids.map((pid) => {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return (Number(fields[11]) + Number(fields[12])) / clockTicks; // utime and stime, fields 14 and 15
    } catch {
      return null;
    }
  });
}

function printTable(rows) {
  const header = ['target', 'req/s', 'p50 ms', 'p99 ms', 'requests'];
  const lines = rows.map((r) => [r.name, r.rps.toFixed(0), String(r.p50), String(r.p99), String(r.total)]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const fmt = (cells) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(fmt(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  lines.forEach((l) => console.log(fmt(l)));
}

/**
 * Runs `work(db, url)` on a scratch database of its own (`vgbf_bench_<label>_<pid>`), migrated by the
 * built app's migrations, and drops it afterwards whatever happens — unless `keep` (then it prints the
 * database's URL, for `EXPLAIN (ANALYZE, BUFFERS)` on the bench's data; drop it by hand when done).
 */
async function withBenchDatabase(label, work, { keep = false } = {}) {
  const { Client } = require('pg');
  const base = new URL(process.env.DATABASE_URL);
  const name = `vgbf_bench_${label}_${process.pid}`;
  const admin = new Client({ connectionString: base.toString() });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(base.toString());
  url.pathname = `/${name}`;
  try {
    execFileSync(
      process.execPath,
      [
        path.join(ROOT, 'node_modules/typeorm/cli.js'),
        'migration:run',
        '-d',
        path.join(ROOT, 'dist/apps/api/apps/api/src/data-source.js'),
      ],
      { cwd: ROOT, env: { ...process.env, DATABASE_URL: url.toString() }, stdio: 'ignore' },
    );
    const db = new Client({ connectionString: url.toString() });
    await db.connect();
    try {
      return await work(db, url.toString());
    } finally {
      await db.end();
    }
  } finally {
    if (keep) {
      // npm run bench stops the local services on exit; the database stays on disk for the next `services.sh up`.
      console.log(`Kept the database ${name} (DATABASE_URL's server; drop it with DROP DATABASE ${name} WITH (FORCE))`);
    } else {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    }
    await admin.end();
  }
}

module.exports = { ROOT, cpuSeconds, freePort, load, startApi, printTable, waitFor, withBenchDatabase };
