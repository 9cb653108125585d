#!/usr/bin/env node
// `npm run migration:<cmd> [-- args]`: the TypeORM CLI on the compiled DataSource (apps/api/src/data-source.ts).
// Builds first so the CLI sees the current entities and migrations.
//   npm run migration:generate -- libs/database/src/migrations/AddUsers
//   npm run migration:run | migration:revert | migration:show
const { execFileSync } = require('node:child_process');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const [command, ...args] = process.argv.slice(2);
const dataSource = path.join(root, 'dist/apps/api/apps/api/src/data-source.js');
const run = (file, argv) => execFileSync(process.execPath, [file, ...argv], { cwd: root, stdio: 'inherit' });

try {
  if (command !== 'migration:create') run(path.join(root, 'node_modules/@nestjs/cli/bin/nest.js'), ['build', 'api']);
  const needsDataSource = command !== 'migration:create';
  run(path.join(root, 'node_modules/typeorm/cli.js'), [
    command,
    ...args,
    ...(needsDataSource ? ['-d', dataSource] : []),
  ]);
  if (command === 'migration:generate' || command === 'migration:create') {
    process.stdout.write('Now add the new class to MIGRATIONS in libs/database/src/migrations/index.ts\n');
  }
} catch (error) {
  process.exit(error.status ?? 1);
}
