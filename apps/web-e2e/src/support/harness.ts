/**
 * Harness of the browser journeys: a real API (in this process) on a fresh, migrated PostgreSQL
 * database, serving the built SPA, and Debian's Chromium driven by playwright-core. Each journey gets
 * its own organisation (signup) and its own browser context; its steps run in order, each counted as
 * one test, and a failed step skips the rest of its journey (they depend on it) as failures.
 * The last line printed is `N passed, N failed`; the exit code is non-zero on failure.
 * Environment: CHROMIUM_PATH (default /usr/bin/chromium), TEST_DATABASE_URL (default: the local
 * PostgreSQL, else an embedded one), E2E_HEADED=1 to watch, E2E_SLOWMO=<ms>.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import type { INestApplication } from '@nestjs/common';
import { luhnValid } from '@comptoir/platform/kernel';
import { canConnect, startTemporaryPostgres, testConfig, withDatabase } from '@comptoir/platform/testing';
import { migrate } from '@comptoir/runtime';
// The browser suite boots the real API through its bootstrap module, as the API e2e suites do.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { createApiApp } from '../../../api/src/bootstrap';

const ROOT = resolve(__dirname, '../../../..');
const WEB_DIR = join(ROOT, 'apps/web');
const DIST = join(WEB_DIR, 'dist');
const SHOTS = join(ROOT, 'apps/web-e2e/screenshots');
export const TIMEOUT = 15_000;
export const PASSWORD = 'correct horse battery staple';

export class AssertionError extends Error {}

export function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new AssertionError(message);
}

export function assertEqual<T>(actual: T, expected: T, what: string): void {
  if (actual !== expected) throw new AssertionError(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}

/** Waits until the locator is visible, with a message that names what was expected. */
export async function visible(locator: Locator, what: string, timeout = TIMEOUT): Promise<Locator> {
  try {
    await locator.first().waitFor({ state: 'visible', timeout });
  } catch {
    throw new AssertionError(`not visible within ${timeout} ms: ${what}`);
  }
  return locator.first();
}

export async function eventually(check: () => Promise<boolean>, what: string, timeout = TIMEOUT): Promise<void> {
  const until = Date.now() + timeout;
  for (;;) {
    if (await check()) return;
    if (Date.now() > until) throw new AssertionError(`not true within ${timeout} ms: ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export function randomSiren(): string {
  for (;;) {
    const stem = String(randomBytes(4).readUInt32BE() % 100_000_000).padStart(8, '0');
    for (let key = 0; key <= 9; key++) if (luhnValid(`${stem}${key}`)) return `${stem}${key}`;
  }
}

export interface Session {
  email: string;
  token: string;
  companyName: string;
}

export async function api<T>(base: string, method: string, path: string, body?: unknown, token?: string): Promise<T> {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} → ${response.status} ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

async function signup(base: string, companyName: string): Promise<Session> {
  const email = `gerante-${randomBytes(4).toString('hex')}@boulangerie.test`;
  const res = await api<{ accessToken: string }>(base, 'POST', '/api/v1/auth/signup', {
    email,
    password: PASSWORD,
    name: 'Camille Lemoine',
    organizationName: 'Maison Lemoine',
    company: { legalName: companyName, siren: randomSiren() },
  });
  return { email, token: res.accessToken, companyName };
}

/** What a journey's steps get: its page, the API origin, its signed-up session, a screenshot helper. */
export interface JourneyContext {
  page: Page;
  base: string;
  /** The test database, as its superuser: for tampering the way an attacker with database access would. */
  databaseUrl: string;
  session: Session;
  screenshot(name: string): Promise<void>;
}

export interface Journey {
  /** Short name: the screenshots folder and the prefix of its lines in the output. */
  name: string;
  companyName: string;
  /** Data the journey needs before the browser opens (through the API). */
  setup?(base: string, session: Session): Promise<void>;
  steps: { name: string; run: (ctx: JourneyContext) => Promise<void> }[];
}

// ---------------------------------------------------------------------------------------------------
// Environment: SPA build, database, API.

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((entry) => newestMtime(join(path, entry))));
}

/** Builds the SPA when there is no build or its sources are newer than it. */
function ensureSpaBuilt(): void {
  const index = join(DIST, 'index.html');
  const sources = Math.max(newestMtime(join(WEB_DIR, 'src')), newestMtime(join(WEB_DIR, 'index.html')), newestMtime(join(WEB_DIR, 'vite.config.ts')));
  if (existsSync(index) && statSync(index).mtimeMs >= sources) return;
  process.stdout.write('building the SPA…\n');
  const result = spawnSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'apps/web/vite.config.ts', '--logLevel', 'warn'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
  });
  if (result.status !== 0) throw new Error('vite build of the SPA failed');
}

interface Database {
  url: string;
  drop(): Promise<void>;
}

async function freshDatabase(): Promise<Database> {
  let adminUrl = process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  let embedded: { stop(): Promise<void> } | null = null;
  if (!(await canConnect(adminUrl))) {
    const server = await startTemporaryPostgres(55_000 + (process.pid % 500));
    embedded = server;
    adminUrl = server.url;
  }
  const name = `comptoir_web_e2e_${randomBytes(5).toString('hex')}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = withDatabase(adminUrl, name);
  await migrate(testConfig(url));
  return {
    url,
    drop: async () => {
      const client = new Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
      await client.end();
      await embedded?.stop();
    },
  };
}

// ---------------------------------------------------------------------------------------------------

/** Runs the journeys one after the other against one API and one browser; prints and returns the exit code. */
export async function runJourneys(journeys: Journey[]): Promise<number> {
  let app: INestApplication | null = null;
  let db: Database | null = null;
  let browser: Browser | null = null;
  let base = '';
  let passed = 0;
  let failed = 0;

  try {
    ensureSpaBuilt();
    db = await freshDatabase();
    app = await createApiApp(testConfig(db.url, { webDistDir: DIST }), { quiet: true });
    await app.listen(0, '127.0.0.1');
    const { port } = app.getHttpServer().address() as AddressInfo;
    base = `http://127.0.0.1:${port}`;
    browser = await chromium.launch({
      executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
      headless: process.env['E2E_HEADED'] !== '1',
      slowMo: Number(process.env['E2E_SLOWMO'] ?? 0),
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'].filter(
        (a) => a !== '--headless' || process.env['E2E_HEADED'] !== '1',
      ),
    });
  } catch (error) {
    process.stdout.write(`✖ setup failed: ${(error as Error).stack ?? String(error)}\n`);
    failed += 1;
  }

  for (const journey of journeys) {
    const dir = join(SHOTS, journey.name);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    let shot = 0;
    let page: Page | null = null;
    let ctx: JourneyContext | null = null;
    const pageErrors: string[] = [];
    // What the user sees (the viewport): the app shell is fixed, so full-page captures would misplace it.
    const screenshot = async (name: string) => {
      shot += 1;
      await page?.screenshot({ path: join(dir, `${String(shot).padStart(2, '0')}-${name}.png`) });
    };
    let broken = !browser;
    if (browser) {
      try {
        const session = await signup(base, journey.companyName);
        await journey.setup?.(base, session);
        const context = await browser.newContext({ locale: 'fr-FR', timezoneId: 'Europe/Paris', viewport: { width: 1440, height: 900 } });
        context.setDefaultTimeout(TIMEOUT);
        page = await context.newPage();
        page.on('pageerror', (error) => pageErrors.push(error.message));
        ctx = { page, base, databaseUrl: db?.url ?? '', session, screenshot };
      } catch (error) {
        process.stdout.write(`✖ [${journey.name}] setup failed: ${(error as Error).stack ?? String(error)}\n`);
        failed += 1;
        broken = true;
      }
    }
    for (const step of journey.steps) {
      if (broken || !ctx) {
        failed += 1;
        process.stdout.write(`✖ [${journey.name}] ${step.name} (not run: an earlier step failed)\n`);
        continue;
      }
      const started = Date.now();
      try {
        await step.run(ctx);
        if (pageErrors.length) throw new AssertionError(`uncaught error in the page: ${pageErrors.join(' | ')}`);
        passed += 1;
        process.stdout.write(`✓ [${journey.name}] ${step.name} (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
      } catch (error) {
        failed += 1;
        broken = true;
        process.stdout.write(`✖ [${journey.name}] ${step.name}\n    ${error instanceof AssertionError ? error.message : ((error as Error).stack ?? String(error))}\n`);
        await screenshot('failure').catch(() => undefined);
      }
    }
    await page?.context().close().catch(() => undefined);
  }

  await browser?.close().catch(() => undefined);
  await app?.close().catch(() => undefined);
  await db?.drop().catch(() => undefined);
  process.stdout.write(`screenshots: ${SHOTS}\n`);
  process.stdout.write(`${passed} passed, ${failed} failed\n`);
  return failed === 0 ? 0 : 1;
}

/** Entry point of a journey file run on its own (`node -r ./tools/register.cjs <file>`). */
export function runMain(journeys: Journey[]): void {
  runJourneys(journeys).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stdout.write(`${(error as Error).stack ?? String(error)}\n0 passed, 1 failed\n`);
      process.exit(1);
    },
  );
}
