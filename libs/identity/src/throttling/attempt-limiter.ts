import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { AppConfig } from '@vgbf/config';
import { REDIS_CLIENT } from '@vgbf/queue';
import type { FastifyReply } from 'fastify';
import type { Redis } from 'ioredis';
import { TooManyAttemptsError } from '../identity.errors';
import { normalizeEmail } from '../users';

/** What is being attempted on an account: each kind has counters of its own. */
export type AttemptKind = 'login' | 'forgot-password' | 'register' | 'resend-verification';

// KEYS: 1 the pair's count in the short window, 2 the account's count in the long window, 3 the pair's
// count in the long window. ARGV: short window ms, pair limit, long window ms, account ceiling.
// Refused: the pair is over its limit; or the account is over its ceiling and this address has already
// failed on it in the long window (an address with a clean record may still try). Otherwise the attempt
// is counted up front, atomically, so parallel requests cannot all slip through one check.
const RESERVE = `
local pair = tonumber(redis.call('GET', KEYS[1]) or '0')
if pair >= tonumber(ARGV[2]) then return {0, redis.call('PTTL', KEYS[1])} end
local account = tonumber(redis.call('GET', KEYS[2]) or '0')
local pairLong = tonumber(redis.call('GET', KEYS[3]) or '0')
if account >= tonumber(ARGV[4]) and pairLong > 0 then return {0, redis.call('PTTL', KEYS[3])} end
if redis.call('INCR', KEYS[1]) == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
if redis.call('INCR', KEYS[2]) == 1 then redis.call('PEXPIRE', KEYS[2], ARGV[3]) end
if redis.call('INCR', KEYS[3]) == 1 then redis.call('PEXPIRE', KEYS[3], ARGV[3]) end
return {1, 0}
`;

// A success forgets the pair's failures and gives back the account-wide count it reserved.
const SUCCEEDED = `
redis.call('DEL', KEYS[1], KEYS[3])
if tonumber(redis.call('GET', KEYS[2]) or '0') > 0 then redis.call('DECR', KEYS[2]) end
return 1
`;

/**
 * Failed attempts on an account, counted in Redis (so every API instance shares them) per pair of
 * (account, client address) and per account:
 * - a pair may fail LOGIN_MAX_PER_ACCOUNT times per LOGIN_THROTTLE_WINDOW_SECONDS, then waits for the
 *   window's end; a success clears the pair;
 * - once an account has LOGIN_ACCOUNT_MAX_FAILURES failures within LOGIN_ACCOUNT_WINDOW_SECONDS, only
 *   addresses that have not failed on it in that window may try.
 * So someone hammering an account from one address (or many) never locks its owner out: the owner's
 * address has not been failing and the right password still signs in. Unknown accounts are counted the
 * same way (by the address given), so the answers say nothing about which accounts exist.
 */
@Injectable()
export class AttemptLimiter {
  constructor(
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
    private readonly config: AppConfig,
  ) {}

  /** Counts one attempt; throws TooManyAttemptsError (429, retryAfterSeconds) when it is refused. */
  async reserve(kind: AttemptKind, email: string, address: string): Promise<void> {
    const c = this.config;
    const [allowed, waitMs] = (await this.redis.eval(
      RESERVE,
      3,
      ...this.keys(kind, email, address),
      c.LOGIN_THROTTLE_WINDOW_SECONDS * 1000,
      c.LOGIN_MAX_PER_ACCOUNT,
      c.LOGIN_ACCOUNT_WINDOW_SECONDS * 1000,
      c.LOGIN_ACCOUNT_MAX_FAILURES,
    )) as [number, number];
    if (!allowed) throw new TooManyAttemptsError(Math.max(1, Math.ceil(waitMs / 1000)));
  }

  /** The attempt succeeded (the right password): the pair's failures are forgotten. */
  async succeeded(kind: AttemptKind, email: string, address: string): Promise<void> {
    await this.redis.eval(SUCCEEDED, 3, ...this.keys(kind, email, address));
  }

  private keys(kind: AttemptKind, email: string, address: string): [string, string, string] {
    // Hashed: keys of bounded length whatever was typed, and no email addresses in Redis.
    const account = createHash('sha256').update(normalizeEmail(email)).digest('base64url');
    const base = `${this.config.QUEUE_PREFIX}:attempts:${kind}:${account}`;
    return [`${base}:pair:${address}`, `${base}:account`, `${base}:pair-long:${address}`];
  }
}

/** For a controller: a refused attempt's 429 carries the standard Retry-After header. */
export function withRetryAfter(reply: FastifyReply): (error: unknown) => never {
  return (error: unknown) => {
    if (error instanceof TooManyAttemptsError) void reply.header('retry-after', String(error.retryAfterSeconds));
    throw error;
  };
}
