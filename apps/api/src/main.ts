import 'reflect-metadata';
import { AppConfig, ConfigError } from '@vgbf/config';
import { AppModule } from './app.module';
import { createApi } from './create-api';

async function main(): Promise<void> {
  const app = await createApi(AppModule);
  const config = app.get(AppConfig);
  // enableShutdownHooks closes the app on SIGTERM (in-flight requests finish, pools close);
  // this is the backstop when something hangs.
  process.once('SIGTERM', () => setTimeout(() => process.exit(1), config.SHUTDOWN_TIMEOUT_MS).unref());
  await app.listen({ port: config.API_PORT, host: config.API_HOST });
}

main().catch((error: unknown) => {
  // Invalid configuration is a clear message, not a stack trace.
  process.stderr.write(
    error instanceof ConfigError
      ? `${error.message}\n`
      : `API failed to start: ${String((error as Error)?.stack ?? error)}\n`,
  );
  process.exit(1);
});
