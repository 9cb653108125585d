// Lints fixture sources as if they lived at a given path, with the repository's real ESLint config
// (eslint.config.mjs, or apps/web/eslint.config.mjs for the web), and prints ESLint's messages as JSON.
// Run in a child process by boundaries.spec.ts: Jest's VM cannot load the ESM configs.
// Usage: node run-eslint.mjs <cwd> <fixture> <as-path> [<fixture> <as-path> ...]
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';

const [dir, ...pairs] = process.argv.slice(2);
const cwd = resolve(dir);
// The ESLint and typescript-eslint of the project being linted (the web has its own node_modules).
const requireHere = createRequire(resolve(cwd, 'package.json'));
const { ESLint } = requireHere('eslint');
const tseslint = requireHere('typescript-eslint');

// Fixtures are not part of a TypeScript project, so type-aware rules are off; the boundaries are not.
const eslint = new ESLint({ cwd, overrideConfig: [tseslint.configs.disableTypeChecked] });
const results = [];
for (let i = 0; i < pairs.length; i += 2) {
  const [result] = await eslint.lintText(readFileSync(pairs[i], 'utf8'), { filePath: resolve(cwd, pairs[i + 1]) });
  results.push({ as: pairs[i + 1], messages: result.messages.map((m) => ({ ruleId: m.ruleId, message: m.message })) });
}
process.stdout.write(JSON.stringify(results));
