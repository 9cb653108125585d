import { createServer } from 'node:net';
import { Redis } from 'ioredis';
import { Client, Pool } from 'pg';
import { QueryFailedError, QueryRunnerAlreadyReleasedError } from 'typeorm';
import { DomainError } from '../errors/domain-error';
import { unavailableDependency } from './outage';
import { toProblem } from './problem-details.filter';

/** A port nothing listens on: taken from the OS, then released. */
async function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** A server that accepts connections and never answers: a pool waiting on it times out. */
async function silentServer(): Promise<{ port: number; close: () => Promise<void> }> {
  const sockets = new Set<import('node:net').Socket>();
  const server = createServer((socket) => sockets.add(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : 0,
    close: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

const caught = async (run: () => Promise<unknown>): Promise<unknown> => {
  try {
    await run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a failure');
};

/** As TypeORM wraps a driver error of a failed query. */
const queryFailed = (driverError: Error & { code?: string }) =>
  new QueryFailedError('SELECT 1', [], driverError as Error & { code: string });

const sqlError = (code: string, message: string) => Object.assign(new Error(message), { code });

describe(unavailableDependency.name, () => {
  const logger = { error: jest.fn() };

  it('names PostgreSQL when pg cannot connect (ECONNREFUSED, real socket) or its pool times out', async () => {
    const port = await closedPort();
    const refused = await caught(() => new Client({ host: '127.0.0.1', port }).connect());
    expect((refused as { code?: string }).code).toBe('ECONNREFUSED');
    expect(unavailableDependency(refused)).toBe('network');

    const silent = await silentServer();
    try {
      const pool = new Pool({ host: '127.0.0.1', port: silent.port, connectionTimeoutMillis: 100 });
      const timedOut = await caught(() => pool.query('SELECT 1'));
      await pool.end().catch(() => undefined);
      expect(unavailableDependency(timedOut)).toBe('postgres');
    } finally {
      await silent.close();
    }
  });

  it('names PostgreSQL for the SQLSTATEs of a server that cannot serve, wrapped as TypeORM wraps them', () => {
    for (const [code, message] of [
      ['57P01', 'terminating connection due to administrator command'],
      ['57P02', 'terminating connection due to crash of another server process'],
      ['57P03', 'the database system is starting up'],
      ['53300', 'sorry, too many clients already'],
      ['08006', 'connection failure'],
      ['08001', 'could not connect'],
    ])
      expect([code, unavailableDependency(queryFailed(sqlError(code, message)))]).toEqual([code, 'postgres']);
    expect(unavailableDependency(new Error('Connection terminated unexpectedly'))).toBe('postgres');
    expect(unavailableDependency(new QueryRunnerAlreadyReleasedError())).toBe('postgres');
    expect(unavailableDependency(queryFailed(new Error('Connection terminated due to connection timeout')))).toBe(
      'postgres',
    );
  });

  it('names Redis when ioredis has no connection (offline queue off, real client to a closed port)', async () => {
    const port = await closedPort();
    const redis = new Redis({
      host: '127.0.0.1',
      port,
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
    });
    redis.on('error', () => undefined);
    try {
      const error = await caught(() => redis.get('x'));
      expect(unavailableDependency(error)).toBe('redis');
    } finally {
      redis.disconnect();
    }
    const maxRetries = Object.assign(new Error('Reached the max retries per request limit (which is 2).'), {
      name: 'MaxRetriesPerRequestError',
    });
    expect(unavailableDependency(maxRetries)).toBe('redis');
    expect(unavailableDependency(new Error('Connection is closed.'))).toBe('redis');
  });

  it('looks inside an AggregateError (node trying each address of localhost)', () => {
    const parts = [sqlError('ECONNREFUSED', 'connect ECONNREFUSED ::1:5432'), sqlError('ECONNREFUSED', 'x')];
    expect(unavailableDependency(new AggregateError(parts))).toBe('network');
  });

  it('leaves every other error alone: bugs, constraint violations, domain errors stay what they are', () => {
    expect(unavailableDependency(new TypeError('x is undefined'))).toBeUndefined();
    expect(unavailableDependency(queryFailed(sqlError('23505', 'duplicate key value')))).toBeUndefined();
    expect(unavailableDependency(queryFailed(sqlError('40P01', 'deadlock detected')))).toBeUndefined();
    expect(unavailableDependency(new DomainError('x', 'conflict', 'x'))).toBeUndefined();
    expect(unavailableDependency(null)).toBeUndefined();
    expect(unavailableDependency('Connection terminated')).toBeUndefined();
  });

  it('makes an outage a 503 service_unavailable problem, and anything else still a 500', () => {
    expect(toProblem(queryFailed(sqlError('57P03', 'the database system is starting up')), logger)).toMatchObject({
      status: 503,
      title: 'Service Unavailable',
      code: 'service_unavailable',
    });
    expect(toProblem(new TypeError('bug'), logger)).toMatchObject({ status: 500, code: 'internal_error' });
  });
});
