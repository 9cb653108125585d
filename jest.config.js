// Plain JS config: a .ts one would need ts-node. Tests are transpiled by swc (fast, emits decorator
// metadata); `npm run typecheck` checks their types separately.
const swcTs = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      target: 'es2022',
      // Rewrites @vgbf/* at transform time, so files Jest loads outside its resolver (globalSetup) work too.
      baseUrl: __dirname,
      paths: { '@vgbf/*': ['libs/*/src/index.ts'] },
    },
    module: { type: 'commonjs' },
  },
];
// ESM-only packages Jest on Node 20 cannot require untransformed (Node itself can: require(esm)).
// (@fastify/cookie loads the ESM-only cookie package with a dynamic import, which Jest's VM cannot run.)
const ESM_PACKAGES = ['@nestjs', 'content-disposition', '@fastify/cookie', 'cookie', 'kysely'];
const esmPattern = `/node_modules/(${ESM_PACKAGES.join('|')})/.+\\.js$`;
const swcEsm = [
  '@swc/jest',
  { jsc: { parser: { syntax: 'ecmascript' }, target: 'es2022' }, module: { type: 'commonjs' } },
];

const shared = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': swcTs,
    [esmPattern]: swcEsm,
  },
  transformIgnorePatterns: [`/node_modules/(?!(${ESM_PACKAGES.join('|')})/)`],
  moduleNameMapper: { '^@vgbf/([a-z-]+)$': '<rootDir>/libs/$1/src/index.ts' },
  // apps/web has its own runner (Playwright) and its own dependencies.
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/apps/web/', '<rootDir>/dist/'],
};

module.exports = {
  // A global option (Jest ignores it inside a project): hooks and tests that start an app, a worker
  // or a database get 30 s on a busy 2-core machine, not the default 5 s.
  testTimeout: 30_000,
  // Also global: a worker whose heap stays above this after a test file is replaced by a fresh one.
  // Each e2e file boots a whole Nest app in the worker's module registry; what a file leaves behind
  // (async-context storages, pools' timers) accumulated over ~70 files to a 4 GB heap and an
  // out-of-memory crash in a full run. Recycling costs one worker start (under a second).
  workerIdleMemoryLimit: '1GB',
  projects: [
    {
      ...shared,
      displayName: 'unit',
      testMatch: ['<rootDir>/apps/**/*.spec.ts', '<rootDir>/libs/**/*.spec.ts', '<rootDir>/test/lint/*.spec.ts'],
    },
    {
      ...shared,
      displayName: 'integration',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts', '<rootDir>/libs/**/*.int-spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
  ],
};
