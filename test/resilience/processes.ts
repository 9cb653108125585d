import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { createDatabaseFromTemplate, dropDatabase } from '../support/databases';
import { serviceUrls } from '../support/env';
import { obliterateQueues, uniqueName } from '../support/test-app';

const ROOT = join(__dirname, '..', '..');
export const WORKER_MAIN = join(ROOT, 'dist/apps/worker/apps/worker/src/main.js');

/** The test command builds before the tests; a run of one file on its own builds the worker here. */
export function ensureWorkerBuilt(): void {
  if (existsSync(WORKER_MAIN)) return;
  const built = spawnSync(process.execPath, [join(ROOT, 'node_modules/@nestjs/cli/bin/nest.js'), 'build', 'worker'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (built.status !== 0) throw new Error('nest build worker failed');
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export async function waitUntil<T>(
  what: string,
  probe: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs: number,
  everyMs = 100,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (done(value)) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what} (last: ${JSON.stringify(value)})`);
    await sleep(everyMs);
  }
}

/** A real worker process from dist/, as production runs it. */
export class WorkerProcess {
  readonly output: string[] = [];
  readonly exited: Promise<number | null>;
  private readonly child: ChildProcess;

  constructor(env: Record<string, string>) {
    this.child = spawn(process.execPath, [WORKER_MAIN], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const keep = (chunk: Buffer) => {
      this.output.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      if (this.output.length > 2_000) this.output.splice(0, this.output.length - 2_000);
    };
    this.child.stdout?.on('data', keep);
    this.child.stderr?.on('data', keep);
    this.exited = new Promise((resolve) => this.child.once('exit', (code) => resolve(code)));
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  async ready(timeoutMs = 20_000): Promise<void> {
    const started = Date.now();
    while (!this.output.some((l) => l.includes('Worker started'))) {
      if (this.child.exitCode !== null) throw new Error(`worker exited at start:\n${this.output.join('\n')}`);
      if (Date.now() - started > timeoutMs) throw new Error(`worker not ready:\n${this.output.join('\n')}`);
      await sleep(50);
    }
  }

  /** SIGKILL: no shutdown hooks, no graceful anything; in-flight work is cut wherever it is. */
  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill(signal);
    await this.exited;
  }
}

/** A database cloned from the migrated template and a queue prefix, for one resilience test. */
export class Sandbox {
  readonly name = uniqueName();
  readonly urls = serviceUrls();
  databaseUrl = '';
  db!: Client;

  async open(): Promise<this> {
    this.databaseUrl = await createDatabaseFromTemplate(this.urls.databaseUrl, this.name);
    this.db = new Client({ connectionString: this.databaseUrl });
    await this.db.connect();
    return this;
  }

  /** What a worker process of this sandbox is started with. */
  workerEnv(overrides: Record<string, string> = {}): Record<string, string> {
    return {
      NODE_ENV: 'test',
      DATABASE_URL: this.databaseUrl,
      DATABASE_POOL_SIZE: '10',
      REDIS_URL: this.urls.redisUrl,
      SMTP_URL: this.urls.smtpUrl,
      QUEUE_PREFIX: this.name,
      LOG_LEVEL: 'info',
      LOG_PRETTY: 'false',
      ...overrides,
    };
  }

  /** Email outbox rows, as a committed change would write them, to `<tag>-<i>@example.vn`. */
  async insertEmails(tag: string, count: number): Promise<void> {
    await this.db.query(
      `INSERT INTO outbox (queue, payload)
       SELECT 'mail', jsonb_build_object(
         'template', 'verify-email', 'language', 'en', 'to', $1 || '-' || i || '@example.vn',
         'data', jsonb_build_object('fullName', 'Fellow ' || i, 'link', 'https://vgbf.example/verify-email?token=t' || i))
       FROM generate_series(1, $2) AS i`,
      [tag, count],
    );
  }

  async outboxCounts(): Promise<Record<string, number>> {
    const { rows } = await this.db.query<{ status: string; n: number }>(
      `SELECT status, count(*)::int AS n FROM outbox GROUP BY status`,
    );
    return Object.fromEntries(rows.map((r) => [r.status, r.n]));
  }

  async close(redisUrl = this.urls.redisUrl): Promise<void> {
    await this.db?.end().catch(() => undefined);
    await obliterateQueues(redisUrl, this.name).catch(() => undefined);
    await dropDatabase(this.urls.databaseUrl, this.name);
  }
}
