import 'reflect-metadata';
import { CommandFactory } from 'nest-commander';
import { CliModule } from './cli/cli.module';

// node dist/apps/api/apps/api/src/cli.js <seed | create-admin --email … --name …>
CommandFactory.run(CliModule, {
  logger: ['warn', 'error'],
  // Argument errors (errorHandler) and failures inside a command (serviceErrorHandler): a message, exit 1.
  errorHandler: (error) => {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  },
  serviceErrorHandler: (error) => {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  },
}).catch((error: unknown) => {
  process.stderr.write(`${(error as Error).message ?? String(error)}\n`);
  process.exit(1);
});
