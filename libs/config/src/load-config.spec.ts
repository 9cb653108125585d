import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig, parseConfig } from './load-config';

const valid = {
  DATABASE_URL: 'postgres://u:p@localhost:5432/db',
  REDIS_URL: 'redis://localhost:6379',
  SMTP_URL: 'smtp://localhost:25',
  PUBLIC_URL: 'http://localhost:3300',
  NOTIFICATION_LINK_SECRET: 'a-test-secret-of-at-least-32-characters',
  DATA_ENCRYPTION_KEYS: `k1:${Buffer.alloc(32, 1).toString('base64')}`,
  DATA_ENCRYPTION_ACTIVE_KEY: 'k1',
};

describe(parseConfig.name, () => {
  it('turns valid variables into a typed config with defaults', () => {
    const config = parseConfig({ ...valid, API_PORT: '8080', LOG_PRETTY: 'true' });
    expect(config.API_PORT).toBe(8080);
    expect(config.LOG_PRETTY).toBe(true);
    expect(config.DATABASE_POOL_SIZE).toBe(10);
    expect(config.QUEUE_PREFIX).toBe('vgbf');
  });

  it('ignores variables it does not declare', () => {
    const config = parseConfig({ ...valid, PATH: '/usr/bin' }) as unknown as Record<string, unknown>;
    expect(config.PATH).toBeUndefined();
  });

  it('names a non-numeric port', () => {
    expect(() => parseConfig({ ...valid, API_PORT: 'abc' })).toThrow(/API_PORT: .*integer/);
  });

  it('names every missing required variable at once', () => {
    let error: unknown;
    try {
      parseConfig({ PUBLIC_URL: 'http://localhost' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const names = (error as ConfigError).problems.map((p) => p.split(':')[0]);
    expect(names).toEqual(expect.arrayContaining(['DATABASE_URL', 'REDIS_URL', 'SMTP_URL']));
  });

  it('hides the value of a bad secret-bearing URL', () => {
    expect(() => parseConfig({ ...valid, DATABASE_URL: 'mysql://root:hunter2@x/db' })).toThrow(
      /DATABASE_URL: .*\(got \(hidden\)\)/,
    );
  });

  it('refuses an unknown NODE_ENV and a bad boolean', () => {
    expect(() => parseConfig({ ...valid, NODE_ENV: 'staging', LOG_PRETTY: 'maybe' })).toThrow(
      /NODE_ENV[\s\S]*LOG_PRETTY/,
    );
  });
});

describe(loadConfig.name, () => {
  const root = mkdtempSync(join(tmpdir(), 'vgbf-config-'));
  mkdirSync(join(root, 'config'));
  writeFileSync(
    join(root, 'config', 'defaults.env'),
    Object.entries(valid)
      .map(([k, v]) => `${k}=${v}`)
      .join('\n') + '\nAPI_PORT=3300\n',
  );
  writeFileSync(join(root, '.env'), 'API_PORT=4000\nLOG_LEVEL=debug\n');

  it('layers the environment over .env over config/defaults.env', () => {
    const config = loadConfig({ LOG_LEVEL: 'warn' }, root);
    expect(config.API_PORT).toBe(4000);
    expect(config.LOG_LEVEL).toBe('warn');
    expect(config.REDIS_URL).toBe(valid.REDIS_URL);
  });

  it('never reads the local defaults in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' }, root)).toThrow(/DATABASE_URL/);
  });
});

describe('DATA_ENCRYPTION_KEYS', () => {
  const k = (byte: number, length = 32) => Buffer.alloc(length, byte).toString('base64');

  it('takes several keys and an active one among them', () => {
    const config = parseConfig({
      ...valid,
      DATA_ENCRYPTION_KEYS: `k1:${k(1)}, k2:${k(2)}`,
      DATA_ENCRYPTION_ACTIVE_KEY: 'k2',
    });
    expect(config.DATA_ENCRYPTION_ACTIVE_KEY).toBe('k2');
  });

  it.each([
    [{ DATA_ENCRYPTION_KEYS: undefined }, /DATA_ENCRYPTION_KEYS/],
    [{ DATA_ENCRYPTION_KEYS: `k1:${k(1, 16)}` }, /must be 32 bytes/],
    [{ DATA_ENCRYPTION_KEYS: `k1:${k(1)},k1:${k(2)}` }, /same key id twice/],
    [{ DATA_ENCRYPTION_KEYS: k(1) }, /<id>:<base64>/],
    [{ DATA_ENCRYPTION_ACTIVE_KEY: 'k9' }, /DATA_ENCRYPTION_ACTIVE_KEY: must be the id of one of the keys/],
    [{ DATA_ENCRYPTION_ACTIVE_KEY: undefined }, /DATA_ENCRYPTION_ACTIVE_KEY/],
  ])('refuses %j, naming the variable and never showing a key', (change, message) => {
    const attempt = () => parseConfig({ ...valid, ...change });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(message);
    expect(attempt).not.toThrow(k(1));
  });

  it('is required in production: no development default is read there', () => {
    const root = mkdtempSync(join(tmpdir(), 'vgbf-config-'));
    mkdirSync(join(root, 'config'));
    writeFileSync(
      join(root, 'config', 'defaults.env'),
      `DATA_ENCRYPTION_KEYS=k1:${k(1)}\nDATA_ENCRYPTION_ACTIVE_KEY=k1\n`,
    );
    const { DATA_ENCRYPTION_KEYS: _keys, DATA_ENCRYPTION_ACTIVE_KEY: _active, ...rest } = valid;
    expect(() => loadConfig({ ...rest, NODE_ENV: 'production' }, root)).toThrow(/DATA_ENCRYPTION_KEYS/);
    expect(loadConfig({ ...rest, NODE_ENV: 'development' }, root).DATA_ENCRYPTION_ACTIVE_KEY).toBe('k1');
  });
});
