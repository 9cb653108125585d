#!/usr/bin/env bash
# npm run db:types: regenerates libs/database/src/typed-sql/db.types.ts (the Kysely schema types every
# typed query is checked against) from a freshly migrated scratch database: the test run's template,
# migrated from scratch, cloned, introspected by kysely-codegen, then dropped.
# Run it after adding a migration, then `npm run typecheck`; commit the changed file with the migration.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
install_deps
services_up
VGBF_WRITE_DB_TYPES=1 node node_modules/jest/bin/jest.js --selectProjects=integration --testPathPatterns 'test/database/db-types' --ci
echo "wrote libs/database/src/typed-sql/db.types.ts"
