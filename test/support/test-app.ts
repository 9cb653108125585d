import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { DynamicModule, Type } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { AppConfig, loadConfig } from '@vgbf/config';
import { LOG_DESTINATION } from '@vgbf/core';
import { Redis } from 'ioredis';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { DataSource } from 'typeorm';
import { AppModule } from '../../apps/api/src/app.module';
import { configureApi, createFastifyAdapter } from '../../apps/api/src/create-api';
import { TEMPLATE_DATABASE, createDatabaseFromTemplate, dropDatabase } from './databases';
import { serviceUrls } from './env';

/** Log lines the app wrote, parsed, so tests can assert what was (and was not) logged. */
export class CapturedLogs extends Writable {
  readonly lines: string[] = [];

  override _write(chunk: Buffer, _encoding: string, done: () => void): void {
    this.lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    done();
  }

  get text(): string {
    return this.lines.join('\n');
  }

  entries(): Array<Record<string, unknown>> {
    return this.lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  }
}

export interface TestApp {
  app: NestFastifyApplication;
  http: TestAgent;
  /** The app's own DataSource, for reading rows with SQL. */
  db: DataSource;
  config: AppConfig;
  logs: CapturedLogs;
  /** The variables this app was started with (its database, queue prefix), for a worker to share. */
  env: Record<string, string>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** Extra controllers mounted next to the real ones (e.g. probes that throw on purpose). */
  controllers?: Type[];
  /** Environment overrides applied before the config is read. */
  env?: Record<string, string>;
  /** Extra modules (e.g. DiscoveryModule to list routes). */
  imports?: Array<Type | DynamicModule>;
}

let counter = 0;

/** A unique name per test file and call: databases and queue prefixes never collide across Jest workers. */
export function uniqueName(): string {
  counter += 1;
  return `${TEMPLATE_DATABASE.replace(/_template$/, '')}_${process.env.JEST_WORKER_ID ?? '0'}_${counter}_${randomBytes(3).toString('hex')}`;
}

/** Deletes every Redis key under a BullMQ prefix. */
export async function obliterateQueues(redisUrl: string, prefix: string): Promise<void> {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length) await redis.unlink(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

/**
 * Boots the real API (same modules, pipes, filters and adapter as production) on its own
 * database cloned from the migrated template and its own queue prefix.
 */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const urls = serviceUrls();
  const name = uniqueName();
  const databaseUrl = await createDatabaseFromTemplate(urls.databaseUrl, name);
  const saved = { ...process.env };
  const env = {
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    DATABASE_POOL_SIZE: '4',
    QUEUE_PREFIX: name,
    LOG_LEVEL: 'info',
    LOG_PRETTY: 'false',
    // Uploaded documents in a directory of this app's own, removed with it.
    STORAGE_DIR: join(tmpdir(), name),
    ...options.env,
  };
  Object.assign(process.env, env);
  const logs = new CapturedLogs();
  try {
    const config = loadConfig();
    const moduleRef = await Test.createTestingModule({
      imports: [AppModule, ...(options.imports ?? [])],
      controllers: options.controllers ?? [],
    })
      .overrideProvider(LOG_DESTINATION)
      .useValue(logs)
      .overrideProvider(AppConfig)
      .useValue(config)
      .compile();
    const app = moduleRef.createNestApplication<NestFastifyApplication>(createFastifyAdapter(config), {
      bufferLogs: true,
    });
    await configureApi(app);
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    return {
      app,
      http: request(app.getHttpServer()),
      db: app.get(DataSource),
      config,
      logs,
      env,
      close: async () => {
        await app.close();
        await obliterateQueues(urls.redisUrl, name);
        await dropDatabase(urls.databaseUrl, name);
        await rm(env.STORAGE_DIR, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await dropDatabase(urls.databaseUrl, name);
    await rm(env.STORAGE_DIR, { recursive: true, force: true });
    throw error;
  } finally {
    process.env = saved;
  }
}
