import { BullModule } from '@nestjs/bullmq';
import { type DynamicModule, Global, Inject, Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '@vgbf/config';
import { Redis } from 'ioredis';
import { DEFAULT_JOB_OPTIONS, QUEUES } from './queues';

/** A plain Redis client for health checks and shared counters (not for queues). */
export const REDIS_CLIENT = Symbol('REDIS_CLIENT');

@Injectable()
class RedisClientCloser implements OnApplicationShutdown {
  constructor(@Inject(REDIS_CLIENT) private readonly redis: Redis) {}

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}

/**
 * BullMQ on the configured Redis, with the environment's prefix so parallel test files and
 * environments sharing one Redis never see each other's jobs. Registers every queue of QUEUES.
 */
@Global()
@Module({})
export class QueueModule {
  static forRoot(): DynamicModule {
    const queues = Object.values(QUEUES).map((name) => BullModule.registerQueue({ name }));
    return {
      module: QueueModule,
      imports: [
        BullModule.forRootAsync({
          inject: [AppConfig],
          useFactory: (config: AppConfig) => ({
            // BullMQ workers need maxRetriesPerRequest: null (they block on Redis).
            connection: { url: config.REDIS_URL, maxRetriesPerRequest: null },
            prefix: config.QUEUE_PREFIX,
            defaultJobOptions: DEFAULT_JOB_OPTIONS,
          }),
        }),
        ...queues,
      ],
      providers: [
        {
          provide: REDIS_CLIENT,
          inject: [AppConfig],
          useFactory: (config: AppConfig) =>
            // No offline queue: while Redis is away, commands fail at once instead of piling up (health must fail fast).
            new Redis(config.REDIS_URL, { maxRetriesPerRequest: 2, enableOfflineQueue: false, connectionName: 'vgbf' }),
        },
        RedisClientCloser,
      ],
      exports: [BullModule, REDIS_CLIENT],
    };
  }
}
