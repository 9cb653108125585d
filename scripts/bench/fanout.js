// Email fan-out, in one run on this machine, on a database of its own (created, migrated, dropped):
// N committed outbox emails go through the real relay and 2 real worker processes (from dist/) to a
// local SMTP sink; beside them, bare nodemailer sends to the same sink, one connection per message
// and pooled. Twice: a sink that greets at once, and one that greets after 100 ms (as real providers
// and maildev do). The sink runs in its own process; a run ends when the sink has every message.
// Ratios are against the pooled nodemailer of the same sink in the same run, so they hold across machines.
//   npm run bench -- fanout [N]
const { fork, spawn } = require('node:child_process');
const path = require('node:path');
const { ROOT, cpuSeconds, withBenchDatabase } = require('./lib');

const N = Number(process.argv[2]) || 5_000;
const PER_MESSAGE_N = Math.min(N, 1_000); // one connection per message is slow against a slow greeting
const WORKERS = 2;
const IN_FLIGHT = WORKERS * 8; // the mail processor's concurrency per worker
const WORKER_MAIN = path.join(ROOT, 'dist/apps/worker/apps/worker/src/main.js');
const DIST = path.join(ROOT, 'dist/apps/api');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// ---- the sink (child process): counts accepted messages, optionally greets late -----------------
function runSink(greetingMs) {
  const { SMTPServer } = require('smtp-server');
  let count = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    banner: 'bench sink',
    // smtp-server sends its 220 greeting once onConnect calls back.
    onConnect: (_session, callback) => (greetingMs ? setTimeout(callback, greetingMs) : callback()),
    onData: (stream, _session, callback) => {
      stream.on('data', () => undefined);
      stream.on('end', () => {
        count += 1;
        callback();
      });
    },
  });
  server.listen(0, '127.0.0.1', () => process.send({ port: server.server.address().port }));
  process.on('message', (m) => {
    if (m === 'count') process.send({ count });
    if (m === 'reset') count = 0;
  });
}

class Sink {
  constructor(greetingMs) {
    this.greetingMs = greetingMs;
    this.child = fork(__filename, ['--sink', String(greetingMs)], { stdio: 'inherit' });
  }
  async start() {
    this.port = await this.next('port');
    return this;
  }
  next(key) {
    return new Promise((resolve) => {
      const on = (m) => {
        if (key in m) {
          this.child.off('message', on);
          resolve(m[key]);
        }
      };
      this.child.on('message', on);
    });
  }
  async count() {
    const answer = this.next('count');
    this.child.send('count');
    return answer;
  }
  reset() {
    this.child.send('reset');
  }
  async waitFor(n, timeoutMs) {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const c = await this.count();
      if (c >= n) return c;
      if (Date.now() > until) throw new Error(`sink has ${c} of ${n} messages after ${timeoutMs} ms`);
      await sleep(10);
    }
  }
  stop() {
    this.child.kill();
  }
}

// ---- bare nodemailer --------------------------------------------------------------------------
async function nodemailerRun(sink, n, pooled, mail) {
  const nodemailer = require('nodemailer');
  const transport = nodemailer.createTransport({
    host: '127.0.0.1',
    port: sink.port,
    secure: false,
    ignoreTLS: true,
    ...(pooled ? { pool: true, maxConnections: IN_FLIGHT, maxMessages: 100 } : {}),
  });
  sink.reset();
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  let next = 0;
  const lane = async () => {
    while (next < n) {
      const i = next++;
      await transport.sendMail({ ...mail, to: `bench-${i}@example.vn`, messageId: `<bare-${i}@bench>` });
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, lane));
  await sink.waitFor(n, 60_000);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const used = process.cpuUsage(cpu);
  transport.close();
  return { rate: n / seconds, cpuMs: (used.user + used.system) / 1000 / n };
}

// ---- the relay + 2 workers --------------------------------------------------------------------
function startWorker(env) {
  const child = spawn(process.execPath, [WORKER_MAIN], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const ready = new Promise((resolve, reject) => {
    const keep = (chunk) => {
      out = (out + chunk.toString('utf8')).slice(-20_000);
      if (out.includes('Worker started')) resolve();
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.once('exit', (code) => reject(new Error(`worker exited (${code}):\n${out}`)));
  });
  return {
    child,
    ready,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', resolve);
        child.kill('SIGTERM');
      }),
  };
}

async function workersRun(sink, db, databaseUrl, label) {
  await db.query('TRUNCATE outbox');
  sink.reset();
  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    SMTP_URL: `smtp://127.0.0.1:${sink.port}`,
    QUEUE_PREFIX: `bench-fanout-${process.pid}-${label}`,
    LOG_LEVEL: 'info', // 'Worker started' is an info line
    LOG_PRETTY: 'false',
  };
  const workers = Array.from({ length: WORKERS }, () => startWorker(env));
  try {
    await Promise.all(workers.map((w) => w.ready));
    const pids = workers.map((w) => w.child.pid);
    const cpuBefore = cpuSeconds(pids);
    // N emails committed at once, as a burst of changes would write them.
    await db.query(
      `INSERT INTO outbox (queue, payload)
       SELECT 'mail', jsonb_build_object(
         'template', 'verify-email', 'language', 'en', 'to', 'bench-' || i || '@example.vn',
         'data', jsonb_build_object('fullName', 'Fellow ' || i, 'link', 'https://vgbf.example/verify-email?token=t' || i))
       FROM generate_series(1, $1) AS i`,
      [N],
    );
    const start = process.hrtime.bigint();
    await sink.waitFor(N, 120_000);
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    const cpuAfter = cpuSeconds(pids);
    const cpuMs = ((cpuAfter.reduce((a, b) => a + b, 0) - cpuBefore.reduce((a, b) => a + b, 0)) * 1000) / N;
    await sleep(500); // a duplicate, if any, would land now
    const delivered = await sink.count();
    const { rows } = await db.query(`SELECT status, count(*)::int AS n FROM outbox GROUP BY status`);
    const outbox = Object.fromEntries(rows.map((r) => [r.status, r.n]));
    if (delivered !== N || outbox.done !== N)
      throw new Error(`${label}: sink ${delivered} messages, outbox ${JSON.stringify(outbox)}; expected ${N} each`);
    return { rate: N / seconds, cpuMs };
  } finally {
    await Promise.all(workers.map((w) => w.stop()));
  }
}

// ---- the run ----------------------------------------------------------------------------------
async function main() {
  if (!process.env.DATABASE_URL) throw new Error('DATABASE_URL is not set (run through npm run bench -- fanout)');
  const { renderEmail } = require(path.join(DIST, 'libs/mail/src/templates/render.js'));
  const rendered = renderEmail('verify-email', 'en', {
    fullName: 'Fellow',
    link: 'https://vgbf.example/verify-email?token=t',
  });
  const mail = { from: process.env.MAIL_FROM ?? 'VGBF <no-reply@vgbf.example>', ...rendered };

  const results = [];
  await withBenchDatabase('fanout', async (db, url) => {
    for (const greetingMs of [0, 100]) {
      const sink = await new Sink(greetingMs).start();
      try {
        const step = (what) => console.error(`[fanout] greeting ${greetingMs} ms: ${what}`);
        step('nodemailer, one connection per message');
        const perMessage = await nodemailerRun(sink, PER_MESSAGE_N, false, mail);
        step('nodemailer pooled');
        const pooled = await nodemailerRun(sink, N, true, mail);
        step(`relay + ${WORKERS} workers`);
        const workers = await workersRun(sink, db, url.toString(), `g${greetingMs}`);
        results.push({ greetingMs, perMessage, pooled, workers });
      } finally {
        sink.stop();
      }
    }
  });

  for (const r of results) {
    const sink = r.greetingMs ? `sink greeting after ${r.greetingMs} ms` : 'sink greeting at once';
    console.log(
      `${sink}: ${WORKERS} workers ${r.workers.rate.toFixed(0)} msg/s (${r.workers.cpuMs.toFixed(2)} ms CPU/msg, ${N} msgs); ` +
        `nodemailer pooled ${r.pooled.rate.toFixed(0)} msg/s (${r.pooled.cpuMs.toFixed(2)} ms CPU/msg); ` +
        `one connection per message ${r.perMessage.rate.toFixed(0)} msg/s (${PER_MESSAGE_N} msgs) → ` +
        `workers ÷ pooled ${(r.workers.rate / r.pooled.rate).toFixed(2)}`,
    );
  }
  const [fast, slow] = results;
  console.log(
    `RESULT fanout n=${N} workers_msg_s=${fast.workers.rate.toFixed(0)} pooled_msg_s=${fast.pooled.rate.toFixed(0)} ` +
      `per_message_msg_s=${fast.perMessage.rate.toFixed(0)} workers_vs_pooled=${(fast.workers.rate / fast.pooled.rate).toFixed(2)} ` +
      `worker_cpu_ms=${fast.workers.cpuMs.toFixed(2)} nodemailer_cpu_ms=${fast.pooled.cpuMs.toFixed(2)}`,
  );
  console.log(
    `RESULT fanout_slow_greeting greeting_ms=100 workers_msg_s=${slow.workers.rate.toFixed(0)} pooled_msg_s=${slow.pooled.rate.toFixed(0)} ` +
      `per_message_msg_s=${slow.perMessage.rate.toFixed(0)} workers_vs_pooled=${(slow.workers.rate / slow.pooled.rate).toFixed(2)}`,
  );
}

if (process.argv[2] === '--sink') runSink(Number(process.argv[3]));
else
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
