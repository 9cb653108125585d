import type { AppConfig } from '@vgbf/config';
import type { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from './migrations';
import { SnakeNamingStrategy } from './snake-naming.strategy';

type EntityList = NonNullable<DataSourceOptions['entities']>;

/**
 * The one description of how we talk to PostgreSQL. `synchronize` stays off everywhere:
 * migrations are the only way the schema changes (a test fails when entities and migrations disagree).
 */
export function dataSourceOptions(
  config: Pick<AppConfig, 'DATABASE_URL' | 'DATABASE_POOL_SIZE'>,
  entities: EntityList,
): DataSourceOptions {
  return {
    type: 'postgres',
    url: config.DATABASE_URL,
    entities,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    namingStrategy: new SnakeNamingStrategy(),
    // gen_random_uuid() is built into PostgreSQL 13+; uuid-ossp is not needed.
    uuidExtension: 'pgcrypto',
    extra: {
      max: config.DATABASE_POOL_SIZE,
      application_name: 'vgbf',
      // Fail fast instead of queueing forever when the pool is exhausted or PostgreSQL is unreachable.
      connectionTimeoutMillis: 5_000,
    },
  };
}
