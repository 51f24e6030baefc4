/**
 * Browser journey of the back office, in Debian's Chromium driven by playwright-core, against the
 * built SPA served by the real API (in this process) on a fresh, migrated PostgreSQL database.
 *
 *   node -r ./tools/register.cjs apps/web-e2e/src/customer-journey.ts
 *
 * Elements are found by role and label, as a user (or a screen reader) finds them. Screenshots go to
 * apps/web-e2e/screenshots/. The last line is `N passed, N failed`; the exit code is non-zero on failure.
 * Environment: CHROMIUM_PATH (default /usr/bin/chromium), TEST_DATABASE_URL (default: the local
 * PostgreSQL, else an embedded one), E2E_HEADED=1 to watch, E2E_SLOWMO=<ms>.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
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
import { createApiApp } from '../../api/src/bootstrap';

const ROOT = resolve(__dirname, '../../..');
const WEB_DIR = join(ROOT, 'apps/web');
const DIST = join(WEB_DIR, 'dist');
const SHOTS = join(ROOT, 'apps/web-e2e/screenshots');
const TIMEOUT = 15_000;
const PASSWORD = 'correct horse battery staple';

// ---------------------------------------------------------------------------------------------------
// Tiny test harness: sequential steps, each counted as one test; a failed step skips the ones after it
// (they depend on it) and counts them as failed.

interface Step {
  name: string;
  run: () => Promise<void>;
}

const steps: Step[] = [];
const test = (name: string, run: () => Promise<void>) => steps.push({ name, run });

class AssertionError extends Error {}

function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new AssertionError(message);
}

function assertEqual<T>(actual: T, expected: T, what: string): void {
  if (actual !== expected) throw new AssertionError(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}

/** Waits until the locator is visible, with a message that names what was expected. */
async function visible(locator: Locator, what: string, timeout = TIMEOUT): Promise<Locator> {
  try {
    await locator.first().waitFor({ state: 'visible', timeout });
  } catch {
    throw new AssertionError(`not visible within ${timeout} ms: ${what}`);
  }
  return locator.first();
}

async function eventually(check: () => Promise<boolean>, what: string, timeout = TIMEOUT): Promise<void> {
  const until = Date.now() + timeout;
  for (;;) {
    if (await check()) return;
    if (Date.now() > until) throw new AssertionError(`not true within ${timeout} ms: ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

let shot = 0;
/** What the user sees (the viewport): the app shell is fixed, so full-page captures would misplace it. */
async function screenshot(page: Page, name: string): Promise<void> {
  shot += 1;
  await page.screenshot({ path: join(SHOTS, `${String(shot).padStart(2, '0')}-${name}.png`) });
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

function randomSiren(): string {
  for (;;) {
    const stem = String(randomBytes(4).readUInt32BE() % 100_000_000).padStart(8, '0');
    for (let key = 0; key <= 9; key++) if (luhnValid(`${stem}${key}`)) return `${stem}${key}`;
  }
}

interface Session {
  email: string;
  token: string;
  companyName: string;
}

async function api<T>(base: string, method: string, path: string, body?: unknown, token?: string): Promise<T> {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} → ${response.status} ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

async function signup(base: string): Promise<Session> {
  const email = `gerante-${randomBytes(4).toString('hex')}@boulangerie.test`;
  const companyName = 'Boulangerie Lemoine SAS';
  const res = await api<{ accessToken: string }>(base, 'POST', '/api/v1/auth/signup', {
    email,
    password: PASSWORD,
    name: 'Camille Lemoine',
    organizationName: 'Maison Lemoine',
    company: { legalName: companyName, siren: randomSiren() },
  });
  return { email, token: res.accessToken, companyName };
}

/** Other accounts, so that search has something to filter out and the list has pages to scroll. */
async function seedAccounts(base: string, token: string, count: number): Promise<void> {
  const cities = ['Lyon', 'Paris', 'Nantes', 'Lille', 'Bordeaux', 'Rennes', 'Dijon'];
  const trades = ['Boulangerie', 'Pâtisserie', 'Épicerie', 'Fromagerie', 'Traiteur', 'Café', 'Restaurant', 'Primeur'];
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      await api(base, 'POST', '/api/v1/accounts', {
        name: `${trades[i % trades.length]} ${String(i).padStart(4, '0')}`,
        roles: [i % 5 === 0 ? 'prospect' : 'customer'],
        email: `contact${i}@exemple.test`,
        tags: i % 7 === 0 ? ['vip'] : [],
        billingAddress: { line1: `${i + 1} rue du Marché`, postalCode: String(10_000 + ((i * 7919) % 85_000)), city: cities[i % cities.length], country: 'FR' },
      }, token);
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
}

// ---------------------------------------------------------------------------------------------------
// The journey.

const CUSTOMER = `Boulangerie Martin ${randomBytes(2).toString('hex').toUpperCase()}`;
const SEEDED = 260;

function defineJourney(ctx: { page: () => Page; base: string; session: () => Session }): void {
  test('signs in with email and password and lands on the customer list', async () => {
    const page = ctx.page();
    await page.goto(`${ctx.base}/customers`);
    await visible(page.getByRole('heading', { name: 'Connexion' }), 'login heading (unauthenticated visit redirects to /login)');
    assertEqual(await page.evaluate(() => document.documentElement.lang), 'fr', 'html lang');
    await screenshot(page, 'login');
    await page.getByLabel('Adresse e-mail').fill(ctx.session().email);
    await page.getByLabel('Mot de passe').fill('not the password');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await visible(page.getByRole('alert').filter({ hasText: 'Adresse e-mail ou mot de passe incorrect' }), 'wrong-password message');
    await page.getByLabel('Mot de passe').fill(PASSWORD);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'Clients' }), 'customer list heading');
    assert(new URL(page.url()).pathname === '/customers', `came back to /customers (at ${page.url()})`);
    await visible(page.getByRole('navigation', { name: 'Navigation principale' }), 'main navigation');
    const company = page.getByRole('combobox', { name: 'Société active' });
    await eventually(async () => (await company.inputValue()) === ctx.session().companyName, 'company switcher shows the company');
    await visible(page.getByRole('table', { name: 'Liste des clients' }), 'customer table');
    await screenshot(page, 'customer-list');
  });

  test('scrolls a long list: rows are virtualised and further pages load on scroll', async () => {
    const page = ctx.page();
    const table = page.getByRole('table', { name: 'Liste des clients' });
    const bodyRows = table.locator('tbody tr:not([aria-hidden])');
    const count = await bodyRows.count();
    assert(count > 0 && count < 80, `only the visible window is rendered (${count} rows in the DOM for 100 loaded)`);
    await visible(page.getByText(/100 fiches affichées/), 'first page of 100 loaded');
    const scroller = page.locator('.virtual-table-scroller');
    for (let i = 0; i < 12; i++) {
      await scroller.evaluate((el) => el.scrollBy(0, el.scrollHeight));
      await page.waitForTimeout(150);
    }
    await visible(page.getByText(`${SEEDED} fiches`, { exact: true }), `all ${SEEDED} rows loaded after scrolling`, 20_000);
    const last = await table.locator('tbody tr[aria-rowindex]').last().getAttribute('aria-rowindex');
    assertEqual(Number(last), SEEDED + 1, 'aria-rowindex of the last rendered row');
    assert((await bodyRows.count()) < 80, 'still a bounded number of rows in the DOM after loading every page');
    await scroller.evaluate((el) => el.scrollTo(0, 0));
  });

  test('creates a customer', async () => {
    const page = ctx.page();
    await page.getByRole('link', { name: 'Nouveau client' }).first().click();
    await visible(page.getByRole('heading', { level: 1, name: 'Nouveau client' }), 'create form heading');
    await page.getByLabel('Nom ou raison sociale').fill(CUSTOMER);
    await page.getByRole('checkbox', { name: 'Prospect' }).check();
    await page.getByLabel('E-mail', { exact: true }).fill('contact@boulangerie-martin.test');
    await page.getByLabel('Téléphone').fill('+33 4 78 00 00 00');
    await page.getByLabel('Adresse', { exact: true }).fill('12 rue de la République');
    await page.getByLabel('Code postal').fill('69002');
    await page.getByLabel('Ville').fill('Lyon');
    const tags = page.getByRole('combobox', { name: 'Étiquettes' });
    await tags.fill('artisan');
    await tags.press('Enter');
    await screenshot(page, 'customer-create-form');
    await page.getByRole('button', { name: 'Créer le client' }).click();
    await visible(page.getByRole('status').filter({ hasText: 'Client créé.' }), 'creation confirmation');
    await visible(page.getByRole('heading', { level: 1, name: CUSTOMER }), 'detail heading with the new name');
    await visible(page.getByText('Lyon'), 'billing city on the detail page');
    await screenshot(page, 'customer-detail');
  });

  test('finds the customer by search', async () => {
    const page = ctx.page();
    await page.getByRole('link', { name: 'Retour aux clients' }).click();
    const table = page.getByRole('table', { name: 'Liste des clients' });
    await visible(table, 'customer table');
    await page.getByRole('searchbox', { name: 'Rechercher' }).fill(CUSTOMER.split(' ').slice(-1)[0] ?? CUSTOMER);
    await eventually(async () => (await table.locator('tbody tr[aria-rowindex]').count()) === 1, 'exactly one row matches the search');
    await visible(table.getByRole('link', { name: CUSTOMER }), 'the new customer in the results');
    assert(new URL(page.url()).searchParams.get('q'), 'search is kept in the URL');
    await screenshot(page, 'customer-search');
    await page.getByRole('searchbox', { name: 'Rechercher' }).fill('zzz-nothing-matches');
    await visible(page.getByText('Aucun résultat'), 'empty state for a search without results');
    await page.getByRole('searchbox', { name: 'Rechercher' }).fill(CUSTOMER);
    await table.getByRole('link', { name: CUSTOMER }).click();
    await visible(page.getByRole('heading', { level: 1, name: CUSTOMER }), 'detail page of the found customer');
  });

  test('shows the server error next to the SIREN field', async () => {
    const page = ctx.page();
    await page.getByRole('link', { name: 'Modifier' }).click();
    await visible(page.getByRole('heading', { level: 1, name: `Modifier « ${CUSTOMER} »` }), 'edit form heading');
    const siren = page.getByRole('textbox', { name: 'SIREN' });
    await siren.fill('123456789');
    await page.getByRole('button', { name: 'Enregistrer les modifications' }).click();
    await eventually(async () => (await siren.getAttribute('aria-invalid')) === 'true', 'SIREN input marked invalid');
    const describedBy = (await siren.getAttribute('aria-describedby')) ?? '';
    const descriptions = await Promise.all(describedBy.split(/\s+/).filter(Boolean).map((id) => page.locator(`[id="${id}"]`).innerText().catch(() => '')));
    const message = descriptions.find((text) => /siren/i.test(text));
    assert(message, `the SIREN input is described by the server's message (described by: ${JSON.stringify(descriptions)})`);
    // Next to the field: the message is inside the SIREN input's own wrapper, not in a banner elsewhere.
    const wrapper = siren.locator('xpath=ancestor::div[contains(@class, "mantine-InputWrapper-root")][1]');
    await visible(wrapper.getByText(message), 'the error inside the SIREN field wrapper');
    await visible(page.getByRole('alert').filter({ hasText: 'Certains champs sont à corriger' }), 'form-level summary');
    assert((await page.getByRole('textbox', { name: 'SIRET' }).getAttribute('aria-invalid')) !== 'true', 'SIRET, untouched, is not marked invalid');
    await screenshot(page, 'customer-edit-siren-error');
  });

  test('fixes the SIREN and saves; the change is in the history', async () => {
    const page = ctx.page();
    const siren = page.getByRole('textbox', { name: 'SIREN' });
    await siren.fill('732829320');
    await page.getByRole('button', { name: 'Enregistrer les modifications' }).click();
    await visible(page.getByRole('status').filter({ hasText: 'Modifications enregistrées.' }), 'saved confirmation');
    await visible(page.getByText('732 829 320'), 'formatted SIREN on the detail page');
    await screenshot(page, 'customer-saved');
    await page.getByRole('tab', { name: 'Historique' }).click();
    const history = page.getByRole('table', { name: 'Historique des modifications' });
    await visible(history, 'audit history table');
    await visible(history.getByRole('row').filter({ hasText: 'Modification' }).filter({ hasText: '732829320' }), 'an update entry with the new SIREN');
    await visible(history.getByRole('row').filter({ hasText: 'Création' }), 'the creation entry');
    await screenshot(page, 'customer-history');
  });

  test("adds a contact and an activity to the customer's timeline", async () => {
    const page = ctx.page();
    await page.getByRole('tab', { name: 'Contacts' }).click();
    await visible(page.getByText('Aucun contact'), 'empty contacts state');
    await page.getByRole('button', { name: 'Ajouter un contact' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ajouter un contact' });
    await dialog.getByLabel('Prénom').fill('Camille');
    await dialog.getByRole('textbox', { name: 'Nom', exact: true }).fill('Martin');
    await dialog.getByLabel('Fonction').fill('Gérante');
    await dialog.getByLabel('E-mail').fill('camille@boulangerie-martin.test');
    await dialog.getByRole('checkbox', { name: 'Contact principal du client' }).check();
    await dialog.getByRole('button', { name: 'Enregistrer' }).click();
    const contacts = page.getByRole('table', { name: 'Contacts du client' });
    await visible(contacts.getByRole('row').filter({ hasText: 'Camille Martin' }).filter({ hasText: 'Principal' }), 'the new primary contact');
    await screenshot(page, 'customer-contacts');

    await page.getByRole('tab', { name: 'Activités' }).click();
    await page.getByRole('button', { name: 'Nouvelle activité' }).click();
    const activity = page.getByRole('dialog', { name: 'Nouvelle activité' });
    await activity.getByLabel('Intitulé').fill('Présentation du devis');
    await activity.getByLabel('Début').fill('2026-12-01T10:00');
    await activity.getByLabel('Fin').fill('2026-12-01T11:00');
    await activity.getByLabel('Notes').fill('Apporter le catalogue des viennoiseries');
    await activity.getByRole('button', { name: 'Créer' }).click();
    await visible(page.getByText('Présentation du devis'), 'the meeting on the timeline');
    await visible(page.getByText(/1 déc\. 2026, 10:00 – 11:00/), 'its French date and time range');
    await screenshot(page, 'customer-timeline');
  });

  test('settings: companies, establishments, a new sector and an invitation', async () => {
    const page = ctx.page();
    await page.getByRole('link', { name: 'Sociétés' }).click();
    const companies = page.getByRole('table', { name: "Sociétés de l'organisation" });
    await visible(companies.getByRole('row').filter({ hasText: ctx.session().companyName }).filter({ hasText: 'Active' }), 'the signed-up company, marked active');
    await screenshot(page, 'settings-companies');

    await page.getByRole('link', { name: 'Établissements' }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'Établissements' }), 'establishments heading');
    await visible(page.getByRole('table', { name: 'Établissements de la société' }).or(page.getByText('Aucun établissement')), 'establishments table or empty state');

    await page.getByRole('link', { name: 'Secteurs' }).click();
    await visible(page.getByText('Aucun secteur'), 'empty sectors state');
    await page.getByRole('button', { name: 'Nouveau secteur' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Nouveau secteur' });
    await dialog.getByRole('textbox', { name: 'Code' }).fill('LYON-N');
    await dialog.getByRole('textbox', { name: 'Nom' }).fill('Lyon Nord');
    await dialog.getByRole('button', { name: 'Créer' }).click();
    const sectors = page.getByRole('table', { name: 'Secteurs de la société' });
    await visible(sectors.getByRole('row').filter({ hasText: 'LYON-N' }).filter({ hasText: 'Lyon Nord' }), 'the new sector');
    await screenshot(page, 'settings-sectors');

    await page.getByRole('link', { name: 'Utilisateurs' }).click();
    await visible(page.getByRole('table', { name: 'Utilisateurs de la société' }).getByRole('row').filter({ hasText: 'Camille Lemoine' }), 'the admin in the user list');
    await page.getByRole('button', { name: 'Inviter un utilisateur' }).click();
    const invite = page.getByRole('dialog', { name: 'Inviter un utilisateur' });
    await invite.getByRole('textbox', { name: 'E-mail' }).fill('commercial@boulangerie.test');
    await invite.getByRole('button', { name: "Envoyer l'invitation" }).click();
    await visible(page.getByRole('status').filter({ hasText: 'Invitation envoyée à commercial@boulangerie.test' }), 'invitation confirmation');
    await screenshot(page, 'settings-users');
  });

  test('creates a second company and switches to it: each company sees its own customers', async () => {
    const page = ctx.page();
    await page.getByRole('link', { name: 'Sociétés' }).click();
    await page.getByRole('button', { name: 'Nouvelle société' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nouvelle société' });
    await dialog.getByRole('textbox', { name: 'Raison sociale' }).fill('Lemoine Traiteur SARL');
    await dialog.getByRole('textbox', { name: 'SIREN' }).fill(randomSiren());
    await dialog.getByRole('button', { name: 'Créer' }).click();
    const companies = page.getByRole('table', { name: "Sociétés de l'organisation" });
    await visible(companies.getByRole('row').filter({ hasText: 'Lemoine Traiteur SARL' }), 'the new company in the list');

    await page.getByRole('link', { name: 'Clients' }).click();
    await visible(page.getByRole('table', { name: 'Liste des clients' }), "the first company's customers");
    const switcher = page.getByRole('combobox', { name: 'Société active' });
    await switcher.click();
    await page.getByRole('option', { name: 'Lemoine Traiteur SARL' }).click();
    await eventually(async () => (await switcher.inputValue()) === 'Lemoine Traiteur SARL', 'the switcher shows the second company');
    await visible(page.getByText("Aucun client pour l'instant"), 'the second company has no customers (Comptoir-Company header)');
    await screenshot(page, 'company-switched');

    await switcher.click();
    await page.getByRole('option', { name: ctx.session().companyName }).click();
    await visible(page.getByRole('table', { name: 'Liste des clients' }), "back to the first company's customers");
  });

  test('creates an API key and shows its token once, with a copy button', async () => {
    const page = ctx.page();
    await page.getByRole('link', { name: "Clés d'API" }).click();
    await visible(page.getByRole('heading', { level: 1, name: "Clés d'API" }), 'API keys heading');
    await visible(page.getByText("Aucune clé d'API"), 'empty state');
    await page.getByRole('button', { name: 'Nouvelle clé' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Nouvelle clé' });
    await dialog.getByLabel('Nom').fill('Connecteur Zapier');
    await dialog.getByRole('button', { name: 'Créer la clé' }).click();
    const created = page.getByRole('dialog', { name: 'Clé créée : copiez-la maintenant' });
    await visible(created, 'one-time secret dialog');
    const token = (await created.locator('pre').first().innerText()).trim();
    assert(/^cpk_\S+$/.test(token), `a bearer token is shown (got ${token.slice(0, 12)}…)`);
    await visible(created.getByRole('button', { name: /Copier : Jeton/ }), 'copy button for the token');
    await screenshot(page, 'api-key-created');
    const me = await fetch(`${ctx.base}/api/v1/me`, { headers: { Authorization: `Bearer ${token}` } });
    assertEqual(me.status, 200, 'the shown token authenticates');
    await created.getByRole('button', { name: "J'ai copié la clé" }).click();
    const keys = page.getByRole('table', { name: "Clés d'API de la société" });
    await visible(keys.getByRole('row').filter({ hasText: 'Connecteur Zapier' }), 'the key in the list');
    assertEqual(await page.getByText(token).count(), 0, 'the token is not shown again');
    await screenshot(page, 'api-keys');
  });

  test('switches to English and signs out', async () => {
    const page = ctx.page();
    await page.getByRole('link', { name: 'Clients' }).click();
    // The segmented control is a native radio group: keyboard selection, as a keyboard user would do.
    await page.getByRole('radio', { name: 'FR' }).focus();
    await page.keyboard.press('ArrowRight');
    assert(await page.getByRole('radio', { name: 'EN' }).isChecked(), 'EN is the checked language');
    await visible(page.getByRole('heading', { level: 1, name: 'Customers' }), 'English heading');
    assertEqual(await page.evaluate(() => document.documentElement.lang), 'en', 'html lang after switching');
    await screenshot(page, 'customer-list-en');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await visible(page.getByRole('heading', { name: 'Sign in' }), 'login page after signing out');
    const me = await page.evaluate(async () => (await fetch('/api/v1/me')).status);
    assertEqual(me, 401, 'the session cookie no longer authenticates');
  });
}

// ---------------------------------------------------------------------------------------------------

async function main(): Promise<number> {
  mkdirSync(SHOTS, { recursive: true });
  let app: INestApplication | null = null;
  let db: Database | null = null;
  let browser: Browser | null = null;
  let page: Page | null = null;
  let session: Session | null = null;
  const pageErrors: string[] = [];
  let passed = 0;
  let failed = 0;

  try {
    ensureSpaBuilt();
    db = await freshDatabase();
    app = await createApiApp(testConfig(db.url, { webDistDir: DIST }), { quiet: true });
    await app.listen(0, '127.0.0.1');
    const { port } = app.getHttpServer().address() as AddressInfo;
    const base = `http://127.0.0.1:${port}`;
    session = await signup(base);
    await seedAccounts(base, session.token, SEEDED);

    browser = await chromium.launch({
      executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
      headless: process.env['E2E_HEADED'] !== '1',
      slowMo: Number(process.env['E2E_SLOWMO'] ?? 0),
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'].filter(
        (a) => a !== '--headless' || process.env['E2E_HEADED'] !== '1',
      ),
    });
    const context = await browser.newContext({ locale: 'fr-FR', timezoneId: 'Europe/Paris', viewport: { width: 1440, height: 900 } });
    context.setDefaultTimeout(TIMEOUT);
    page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));

    const current = page;
    const signedUp = session;
    defineJourney({ page: () => current, base, session: () => signedUp });
  } catch (error) {
    process.stdout.write(`✖ setup failed: ${(error as Error).stack ?? String(error)}\n`);
    failed += 1;
  }

  let broken = failed > 0;
  for (const step of steps) {
    if (broken) {
      failed += 1;
      process.stdout.write(`✖ ${step.name} (not run: an earlier step failed)\n`);
      continue;
    }
    const started = Date.now();
    try {
      await step.run();
      if (pageErrors.length) throw new AssertionError(`uncaught error in the page: ${pageErrors.join(' | ')}`);
      passed += 1;
      process.stdout.write(`✓ ${step.name} (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
    } catch (error) {
      failed += 1;
      broken = true;
      process.stdout.write(`✖ ${step.name}\n    ${error instanceof AssertionError ? error.message : ((error as Error).stack ?? String(error))}\n`);
      if (page) await screenshot(page, 'failure').catch(() => undefined);
    }
  }

  await browser?.close().catch(() => undefined);
  await app?.close().catch(() => undefined);
  await db?.drop().catch(() => undefined);
  process.stdout.write(`screenshots: ${SHOTS}\n`);
  process.stdout.write(`${passed} passed, ${failed} failed\n`);
  return failed === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stdout.write(`${(error as Error).stack ?? String(error)}\n0 passed, 1 failed\n`);
    process.exit(1);
  },
);
