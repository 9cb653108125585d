import { Inject } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';
import type { ThrottlerStorageRecord } from '@nestjs/throttler/dist/throttler-storage-record.interface';
import { REDIS_CLIENT } from '@vgbf/queue';
import type { Redis } from 'ioredis';

// Fixed window per key: count hits, expire with the window; over the limit, blocked until the
// window (or the block duration, when longer) ends. One round trip, atomic across API instances.
const SCRIPT = `
local hits = redis.call('INCR', KEYS[1])
if hits == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
local blocked = redis.call('PTTL', KEYS[2])
if blocked < 0 and hits > tonumber(ARGV[2]) then
  local block = math.max(tonumber(ARGV[3]), ttl)
  redis.call('SET', KEYS[2], '1', 'PX', block)
  blocked = block
end
return {hits, ttl, blocked}
`;

/**
 * Throttler counters in Redis, so limits hold across every API instance.
 * (@nest-lab/throttler-storage-redis does this too, but its peer range stops at Nest 11.)
 */
export class RedisThrottlerStorage implements ThrottlerStorage {
  constructor(
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
    /** Environments (and parallel test files) sharing one Redis keep separate counters. */
    private readonly prefix: string,
  ) {}

  async increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    name: string,
  ): Promise<ThrottlerStorageRecord> {
    const base = `${this.prefix}:throttle:${name}:${key}`;
    const [hits, ttlMs, blockedMs] = (await this.redis.eval(
      SCRIPT,
      2,
      base,
      `${base}:blocked`,
      ttl,
      limit,
      blockDuration,
    )) as [number, number, number];
    return {
      totalHits: hits,
      timeToExpire: Math.ceil(Math.max(ttlMs, 0) / 1000),
      isBlocked: blockedMs > 0,
      timeToBlockExpire: Math.ceil(Math.max(blockedMs, 0) / 1000),
    };
  }
}
