// @ts-check
import eslint from '@eslint/js';
import boundaries from 'eslint-plugin-boundaries';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { libBoundaries } from './config/boundaries.mjs';

const libs = libBoundaries();

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'coverage/**',
      '.local/**',
      'apps/web/**',
      'reports/**',
      'test/lint/fixtures/**',
    ],
  },
  eslint.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  prettier,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/require-await': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-unsafe-function-type': 'off',
      // Libraries are used only through their public face: @vgbf/<lib>, never a relative path into another lib.
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(\\.\\./)+(\\.\\./)*libs/',
              message: 'Import a library through its alias @vgbf/<lib> (its index.ts), not a relative path.',
            },
            { regex: '^@vgbf/[^/]+/', message: 'Import @vgbf/<lib> itself; its index.ts is the public face.' },
          ],
        },
      ],
    },
  },
  {
    // Within a lib, a relative path must not climb out of that lib's src/.
    files: ['libs/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(\\.\\./){2,}',
              message: 'Do not reach outside this library; import another lib as @vgbf/<lib>.',
            },
            { regex: '^@vgbf/[^/]+/', message: 'Import @vgbf/<lib> itself; its index.ts is the public face.' },
          ],
        },
      ],
    },
  },
  {
    // Who may import whom: config/boundaries.json (DESIGN.md's arrows), refused at lint time.
    files: ['libs/**/*.ts', 'apps/api/**/*.ts', 'apps/worker/**/*.ts'],
    plugins: { boundaries },
    settings: {
      'boundaries/root-path': import.meta.dirname,
      'boundaries/elements': libs.elements,
      'import/resolver': { typescript: { project: `${import.meta.dirname}/tsconfig.json` } },
    },
    rules: { 'boundaries/dependencies': ['error', { default: 'disallow', policies: libs.policies }] },
  },
  {
    // Solvers are pure: no framework, no database, no other lib.
    files: ['libs/solvers/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^(\\.\\./){2,}', message: 'Do not reach outside this library.' },
            {
              regex: '^(@nestjs/|typeorm|@vgbf/|pg$|ioredis|bullmq)',
              message: 'Solvers are pure: plain data in and out.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.spec.ts', '**/*.e2e-spec.ts', '**/*.int-spec.ts', 'test/**/*.ts'],
    rules: {
      // supertest bodies are `any`; asserting on them is the point of the test.
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: { ...globals.node }, sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
