import 'reflect-metadata';
import type { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { AppConfig, loadConfig } from '@vgbf/config';
import { LOG_DESTINATION } from '@vgbf/core';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { CapturedLogs } from './test-app';

/** Boots the real worker module in-process, on the database and queue prefix given (usually a TestApp's). */
export async function startTestWorker(
  env: Record<string, string>,
): Promise<INestApplicationContext & { logs: CapturedLogs }> {
  const logs = new CapturedLogs();
  const config = loadConfig({ ...process.env, ...env });
  const moduleRef = await Test.createTestingModule({ imports: [WorkerModule] })
    .overrideProvider(LOG_DESTINATION)
    .useValue(logs)
    .overrideProvider(AppConfig)
    .useValue(config)
    .compile();
  await moduleRef.init();
  return Object.assign(moduleRef, { logs });
}
