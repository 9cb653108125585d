import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppConfig, ConfigError } from '@vgbf/config';
import { Logger } from 'nestjs-pino';
import { WorkerModule } from './worker.module';

async function main(): Promise<void> {
  const app = await NestFactory.createApplicationContext(WorkerModule, { bufferLogs: true });
  const logger = app.get(Logger);
  app.useLogger(logger);
  app.flushLogs();
  // On SIGTERM BullMQ workers stop taking jobs and finish the active ones before the pools close.
  app.enableShutdownHooks();
  const config = app.get(AppConfig);
  process.once('SIGTERM', () => setTimeout(() => process.exit(1), config.SHUTDOWN_TIMEOUT_MS).unref());
  await app.init();
  logger.log(`Worker started (queue prefix "${config.QUEUE_PREFIX}")`);
}

main().catch((error: unknown) => {
  process.stderr.write(
    error instanceof ConfigError
      ? `${error.message}\n`
      : `Worker failed to start: ${String((error as Error)?.stack ?? error)}\n`,
  );
  process.exit(1);
});
