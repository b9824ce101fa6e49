// Three kinds of test, one runner: pure unit specs, integration specs against a real PostgreSQL
// (DATABASE_URL, or an embedded server started once for the run), and chain specs against a local
// Hardhat node started once for the run. Each project's global setup starts only what it needs.
// Aliases are rewritten at compile time from tsconfig.base.json, so files Jest loads outside its module
// registry (global setup and teardown) resolve them too.
const { compilerOptions } = require('./tsconfig.base.json');
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
      baseUrl: __dirname,
      paths: compilerOptions.paths,
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  },
];
const moduleNameMapper = {
  '^@ayllu/domain$': '<rootDir>/libs/domain/src/index.ts',
  '^@ayllu/event-store$': '<rootDir>/libs/event-store/src/index.ts',
  '^@ayllu/chain$': '<rootDir>/libs/chain/src/index.ts',
  '^@ayllu/platform$': '<rootDir>/libs/platform/src/index.ts',
  '^@ayllu/notifications$': '<rootDir>/libs/notifications/src/index.ts',
};
const common = {
  rootDir: __dirname,
  transform: { '^.+\\.ts$': swc },
  moduleNameMapper,
  testEnvironment: 'node',
  roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/tools', '<rootDir>/test', '<rootDir>/contracts'],
  setupFiles: ['reflect-metadata'],
};

module.exports = {
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['**/*.spec.ts'],
      testPathIgnorePatterns: ['\\.int\\.spec\\.ts$', '\\.e2e\\.spec\\.ts$', '\\.chain\\.spec\\.ts$', '/node_modules/'],
    },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['**/*.int.spec.ts', '**/*.e2e.spec.ts'],
      testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/browser/'],
      globalSetup: '<rootDir>/test/postgres.global-setup.ts',
      globalTeardown: '<rootDir>/test/postgres.global-teardown.ts',
      setupFilesAfterEnv: ['<rootDir>/test/integration-timeout.ts'],
    },
    {
      // The web app in headless Chromium: integration specs of their own, so `npm test` can run them beside others.
      ...common,
      displayName: 'browser',
      testMatch: ['<rootDir>/test/browser/**/*.e2e.spec.ts'],
      globalSetup: '<rootDir>/test/postgres.global-setup.ts',
      globalTeardown: '<rootDir>/test/postgres.global-teardown.ts',
      setupFilesAfterEnv: ['<rootDir>/test/integration-timeout.ts'],
    },
    {
      ...common,
      displayName: 'chain',
      testMatch: ['**/*.chain.spec.ts'],
      globalSetup: '<rootDir>/test/chain.global-setup.ts',
      globalTeardown: '<rootDir>/test/chain.global-teardown.ts',
      setupFilesAfterEnv: ['<rootDir>/test/chain-timeout.ts'],
    },
  ],
};
