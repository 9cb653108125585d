/** What is unreachable: PostgreSQL, Redis, or a bare socket failure whose peer the error does not name. */
export type Dependency = 'postgres' | 'redis' | 'network';

/** Seconds a client is told to wait before retrying while a dependency is down. */
export const OUTAGE_RETRY_AFTER_SECONDS = 2;

/** Socket-level failures: the peer is not there (yet, or any more). */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH']);

/**
 * PostgreSQL SQLSTATEs of a server that cannot serve: class 08 (connection exception), admin /
 * crash shutdown, "the database system is starting up / shutting down" (57P01–57P03), too many
 * connections (53300).
 */
const isUnavailableSqlState = (code: string): boolean =>
  /^08[0-9A-Z]{3}$/.test(code) || /^57P0[123]$/.test(code) || code === '53300';

/** What node-postgres and its pool say when the server goes away or cannot be reached in time. */
const PG_MESSAGES = [
  /^Connection terminated/i, // "Connection terminated unexpectedly", "… due to connection timeout"
  /timeout exceeded when trying to connect/i, // pg-pool's connectionTimeoutMillis
  /^Client has encountered a connection error and is not queryable/i,
  /the database system is (starting up|shutting down|in recovery mode)/i,
];

/** What ioredis says when it has no connection to send a command on. */
const REDIS_MESSAGES = [
  /^Connection is closed\.?$/i,
  /enableOfflineQueue options? is false/i, // "Stream isn't writeable and enableOfflineQueue options is false"
  /^Reached the max retries per request limit/i,
];

interface Inspectable {
  name?: unknown;
  code?: unknown;
  message?: unknown;
  driverError?: unknown;
  cause?: unknown;
  errors?: unknown;
}

/** The errors to look at: the error itself, what it wraps (TypeORM's driverError, cause) and an AggregateError's parts. */
function* chain(error: unknown, depth = 0): Generator<Inspectable> {
  if (depth > 5 || typeof error !== 'object' || error === null) return;
  const e = error as Inspectable;
  yield e;
  yield* chain(e.driverError, depth + 1);
  yield* chain(e.cause, depth + 1);
  if (Array.isArray(e.errors)) for (const part of e.errors) yield* chain(part, depth + 1);
}

/**
 * The dependency an error shows to be unreachable, or undefined when the error is anything else
 * (a bug, bad input, a constraint violation…), which stays a 500 or its own 4xx.
 */
export function unavailableDependency(error: unknown): Dependency | undefined {
  for (const e of chain(error)) {
    const code = typeof e.code === 'string' ? e.code : '';
    const message = typeof e.message === 'string' ? e.message : '';
    const name = typeof e.name === 'string' ? e.name : '';
    if (name === 'MaxRetriesPerRequestError' || REDIS_MESSAGES.some((m) => m.test(message))) return 'redis';
    if (code && isUnavailableSqlState(code)) return 'postgres';
    // TypeORM releases a transaction's query runner when its connection dies under it (the server
    // shut down mid-transaction); the transaction's next statement then fails with this.
    if (name === 'QueryRunnerAlreadyReleasedError') return 'postgres';
    if (PG_MESSAGES.some((m) => m.test(message))) return 'postgres';
    if (NETWORK_CODES.has(code)) return 'network';
  }
  return undefined;
}
