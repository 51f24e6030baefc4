import type { Config } from 'jest';
import { readFileSync } from 'node:fs';

const tsconfig = JSON.parse(readFileSync(`${__dirname}/tsconfig.base.json`, 'utf8')) as { compilerOptions: { paths: Record<string, string[]> } };

/** Maps the workspace aliases (@comptoir/...) to their sources, as tsconfig.base.json does. */
const moduleNameMapper = Object.fromEntries(
  Object.entries(tsconfig.compilerOptions.paths).map(([alias, [target]]) => [`^${alias.replace(/[/.]/g, '\\$&')}$`, `<rootDir>/${target}`]),
);

const transform: Config['transform'] = {
  '^.+\\.(t|j)sx?$': [
    '@swc/jest',
    {
      jsc: {
        parser: { syntax: 'typescript', decorators: true, tsx: true },
        transform: { legacyDecorator: true, decoratorMetadata: true, react: { runtime: 'automatic' } },
        target: 'es2022',
        // Aliases are rewritten at transform time, so global setup (outside the module mapper) resolves them too.
        baseUrl: __dirname,
        paths: tsconfig.compilerOptions.paths,
      },
      module: { type: 'commonjs' },
    },
  ],
};

const common = { transform, moduleNameMapper, testEnvironment: 'node', setupFiles: ['reflect-metadata'] };

/**
 * Test tiers (DESIGN.md): unit specs next to the code; integration and API e2e specs against real
 * PostgreSQL (a fresh database per file, cloned from a migrated template made once per run).
 */
const config: Config = {
  // Integration suites boot the whole app on a fresh database; jest reads this option globally only.
  testTimeout: 60_000,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs}/**/*.spec.ts'], testPathIgnorePatterns: ['/node_modules/', '/apps/web/'] },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/libs/**/*.int-spec.ts', '<rootDir>/apps/api-e2e/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/libs/runtime/src/testing/global-setup.ts',
      globalTeardown: '<rootDir>/libs/runtime/src/testing/global-teardown.ts',
    },
  ],
};

export default config;
