import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { databaseUrl } from '../support/databases';
import { freePort } from './private-redis';

/** The newest installed PostgreSQL's bin folder (as scripts/services.sh finds it). */
function pgBin(): string {
  const fromConfig = spawnSync('pg_config', ['--bindir'], { encoding: 'utf8' }).stdout?.trim();
  if (fromConfig && existsSync(join(fromConfig, 'pg_ctl'))) return fromConfig;
  const versions = readdirSync('/usr/lib/postgresql')
    .filter((v) => /^\d+$/.test(v))
    .sort((a, b) => Number(b) - Number(a));
  if (!versions.length) throw new Error('no PostgreSQL binaries under /usr/lib/postgresql');
  return join('/usr/lib/postgresql', versions[0], 'bin');
}

const isRoot = process.getuid?.() === 0;

/**
 * A PostgreSQL server of this test's own (initdb in a temporary folder, a free port), holding a copy
 * of the run's migrated template database: a test may stop and start it without touching the
 * PostgreSQL other tests and engineers share.
 */
export class PrivatePostgres {
  url = '';
  port = 0;
  private readonly bin = pgBin();
  private readonly dir = mkdtempSync('/var/tmp/vgbf-private-pg-');
  private readonly data = join(this.dir, 'data');

  /** Runs a PostgreSQL program as the postgres user when we are root (PostgreSQL refuses root). */
  private run(program: string, args: string[], input?: string): string {
    const [cmd, argv] = isRoot
      ? ['runuser', ['-u', 'postgres', '--', join(this.bin, program), ...args]]
      : [join(this.bin, program), args];
    return execFileSync(cmd, argv, { cwd: '/', encoding: 'utf8', input, stdio: ['pipe', 'pipe', 'pipe'] });
  }

  /** initdb, start, and a database `vgbf` restored from `templateUrl` (pg_dump of the shared server's template). */
  async start(templateUrl: string): Promise<this> {
    if (isRoot) chownSync(this.dir, Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' })), 0);
    this.run('initdb', ['-D', this.data, '--auth=trust', '-U', 'postgres', '--encoding=UTF8', '--locale=C']);
    this.port = await freePort();
    this.resume();
    this.run('createdb', ['-h', '127.0.0.1', '-p', String(this.port), '-U', 'postgres', 'vgbf']);
    const dump = execFileSync(join(this.bin, 'pg_dump'), ['--no-owner', '--no-acl', templateUrl], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    this.run(
      'psql',
      ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-h', '127.0.0.1', '-p', String(this.port), '-U', 'postgres', '-d', 'vgbf'],
      dump,
    );
    this.url = databaseUrl(`postgres://postgres@127.0.0.1:${this.port}/postgres`, 'vgbf');
    return this;
  }

  /** A fast shutdown, as an operator's `pg_ctl stop` or a restart does: sessions end with 57P01. */
  stop(): void {
    this.run('pg_ctl', ['-D', this.data, '-m', 'fast', '-w', 'stop']);
  }

  /** Starts the server again (same data, same port); returns once it accepts connections. */
  resume(): void {
    const options = `-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off`;
    this.run('pg_ctl', ['-D', this.data, '-l', join(this.dir, 'log'), '-o', options, '-w', 'start']);
  }

  async destroy(): Promise<void> {
    try {
      this.run('pg_ctl', ['-D', this.data, '-m', 'immediate', '-w', 'stop']);
    } catch {
      // already stopped
    }
    rmSync(this.dir, { recursive: true, force: true });
    await Promise.resolve();
  }
}
