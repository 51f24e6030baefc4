/**
 * Browser journey of the back office (CRM and settings), in Debian's Chromium driven by playwright-core,
 * against the built SPA served by the real API on a fresh, migrated PostgreSQL database (see
 * support/harness.ts). Elements are found by role and label, as a user (or a screen reader) finds them.
 *
 *   node -r ./tools/register.cjs apps/web-e2e/src/customer-journey.ts     # this journey alone
 *   node -r ./tools/register.cjs apps/web-e2e/src/run-all.ts              # every journey (npm test)
 */
import { randomBytes } from 'node:crypto';
import { api, assert, assertEqual, eventually, PASSWORD, randomSiren, runMain, visible, type Journey, type JourneyContext } from './support/harness';

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

const CUSTOMER = `Boulangerie Martin ${randomBytes(2).toString('hex').toUpperCase()}`;
const SEEDED = 260;

const steps: Journey['steps'] = [];
const test = (name: string, run: (ctx: JourneyContext) => Promise<void>) => steps.push({ name, run });

test('signs in with email and password and lands on the customer list', async (ctx) => {
  const { page } = ctx;
  await page.goto(`${ctx.base}/customers`);
  await visible(page.getByRole('heading', { name: 'Connexion' }), 'login heading (unauthenticated visit redirects to /login)');
  assertEqual(await page.evaluate(() => document.documentElement.lang), 'fr', 'html lang');
  await ctx.screenshot('login');
  await page.getByLabel('Adresse e-mail').fill(ctx.session.email);
  await page.getByLabel('Mot de passe').fill('not the password');
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await visible(page.getByRole('alert').filter({ hasText: 'Adresse e-mail ou mot de passe incorrect' }), 'wrong-password message');
  await page.getByLabel('Mot de passe').fill(PASSWORD);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await visible(page.getByRole('heading', { level: 1, name: 'Clients' }), 'customer list heading');
  assert(new URL(page.url()).pathname === '/customers', `came back to /customers (at ${page.url()})`);
  await visible(page.getByRole('navigation', { name: 'Navigation principale' }), 'main navigation');
  const company = page.getByRole('combobox', { name: 'Société active' });
  await eventually(async () => (await company.inputValue()) === ctx.session.companyName, 'company switcher shows the company');
  await visible(page.getByRole('table', { name: 'Liste des clients' }), 'customer table');
  await ctx.screenshot('customer-list');
});

test('scrolls a long list: rows are virtualised and further pages load on scroll', async (ctx) => {
  const { page } = ctx;
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

test('creates a customer', async (ctx) => {
  const { page } = ctx;
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
  await ctx.screenshot('customer-create-form');
  await page.getByRole('button', { name: 'Créer le client' }).click();
  await visible(page.getByRole('status').filter({ hasText: 'Client créé.' }), 'creation confirmation');
  await visible(page.getByRole('heading', { level: 1, name: CUSTOMER }), 'detail heading with the new name');
  await visible(page.getByText('Lyon'), 'billing city on the detail page');
  await ctx.screenshot('customer-detail');
});

test('finds the customer by search', async (ctx) => {
  const { page } = ctx;
  await page.getByRole('link', { name: 'Retour aux clients' }).click();
  const table = page.getByRole('table', { name: 'Liste des clients' });
  await visible(table, 'customer table');
  await page.getByRole('searchbox', { name: 'Rechercher' }).fill(CUSTOMER.split(' ').slice(-1)[0] ?? CUSTOMER);
  await eventually(async () => (await table.locator('tbody tr[aria-rowindex]').count()) === 1, 'exactly one row matches the search');
  await visible(table.getByRole('link', { name: CUSTOMER }), 'the new customer in the results');
  assert(new URL(page.url()).searchParams.get('q'), 'search is kept in the URL');
  await ctx.screenshot('customer-search');
  await page.getByRole('searchbox', { name: 'Rechercher' }).fill('zzz-nothing-matches');
  await visible(page.getByText('Aucun résultat'), 'empty state for a search without results');
  await page.getByRole('searchbox', { name: 'Rechercher' }).fill(CUSTOMER);
  await table.getByRole('link', { name: CUSTOMER }).click();
  await visible(page.getByRole('heading', { level: 1, name: CUSTOMER }), 'detail page of the found customer');
});

test('shows the server error next to the SIREN field', async (ctx) => {
  const { page } = ctx;
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
  await ctx.screenshot('customer-edit-siren-error');
});

test('fixes the SIREN and saves; the change is in the history', async (ctx) => {
  const { page } = ctx;
  const siren = page.getByRole('textbox', { name: 'SIREN' });
  await siren.fill('732829320');
  await page.getByRole('button', { name: 'Enregistrer les modifications' }).click();
  await visible(page.getByRole('status').filter({ hasText: 'Modifications enregistrées.' }), 'saved confirmation');
  await visible(page.getByText('732 829 320'), 'formatted SIREN on the detail page');
  await ctx.screenshot('customer-saved');
  await page.getByRole('tab', { name: 'Historique' }).click();
  const history = page.getByRole('table', { name: 'Historique des modifications' });
  await visible(history, 'audit history table');
  await visible(history.getByRole('row').filter({ hasText: 'Modification' }).filter({ hasText: '732829320' }), 'an update entry with the new SIREN');
  await visible(history.getByRole('row').filter({ hasText: 'Création' }), 'the creation entry');
  await ctx.screenshot('customer-history');
});

test("adds a contact and an activity to the customer's timeline", async (ctx) => {
  const { page } = ctx;
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
  await ctx.screenshot('customer-contacts');

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
  await ctx.screenshot('customer-timeline');
});

test('settings: companies, establishments, a new sector and an invitation', async (ctx) => {
  const { page } = ctx;
  await page.getByRole('link', { name: 'Sociétés' }).click();
  const companies = page.getByRole('table', { name: "Sociétés de l'organisation" });
  await visible(companies.getByRole('row').filter({ hasText: ctx.session.companyName }).filter({ hasText: 'Active' }), 'the signed-up company, marked active');
  await ctx.screenshot('settings-companies');

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
  await ctx.screenshot('settings-sectors');

  await page.getByRole('link', { name: 'Utilisateurs' }).click();
  await visible(page.getByRole('table', { name: 'Utilisateurs de la société' }).getByRole('row').filter({ hasText: 'Camille Lemoine' }), 'the admin in the user list');
  await page.getByRole('button', { name: 'Inviter un utilisateur' }).click();
  const invite = page.getByRole('dialog', { name: 'Inviter un utilisateur' });
  await invite.getByRole('textbox', { name: 'E-mail' }).fill('commercial@boulangerie.test');
  await invite.getByRole('button', { name: "Envoyer l'invitation" }).click();
  await visible(page.getByRole('status').filter({ hasText: 'Invitation envoyée à commercial@boulangerie.test' }), 'invitation confirmation');
  await ctx.screenshot('settings-users');
});

test('creates a second company and switches to it: each company sees its own customers', async (ctx) => {
  const { page } = ctx;
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
  await ctx.screenshot('company-switched');

  await switcher.click();
  await page.getByRole('option', { name: ctx.session.companyName }).click();
  await visible(page.getByRole('table', { name: 'Liste des clients' }), "back to the first company's customers");
});

test('creates an API key and shows its token once, with a copy button', async (ctx) => {
  const { page } = ctx;
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
  await ctx.screenshot('api-key-created');
  const me = await fetch(`${ctx.base}/api/v1/me`, { headers: { Authorization: `Bearer ${token}` } });
  assertEqual(me.status, 200, 'the shown token authenticates');
  await created.getByRole('button', { name: "J'ai copié la clé" }).click();
  const keys = page.getByRole('table', { name: "Clés d'API de la société" });
  await visible(keys.getByRole('row').filter({ hasText: 'Connecteur Zapier' }), 'the key in the list');
  assertEqual(await page.getByText(token).count(), 0, 'the token is not shown again');
  await ctx.screenshot('api-keys');
});

test('switches to English and signs out', async (ctx) => {
  const { page } = ctx;
  await page.getByRole('link', { name: 'Clients' }).click();
  // The segmented control is a native radio group: keyboard selection, as a keyboard user would do.
  await page.getByRole('radio', { name: 'FR' }).focus();
  await page.keyboard.press('ArrowRight');
  assert(await page.getByRole('radio', { name: 'EN' }).isChecked(), 'EN is the checked language');
  await visible(page.getByRole('heading', { level: 1, name: 'Customers' }), 'English heading');
  assertEqual(await page.evaluate(() => document.documentElement.lang), 'en', 'html lang after switching');
  await ctx.screenshot('customer-list-en');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await visible(page.getByRole('heading', { name: 'Sign in' }), 'login page after signing out');
  const me = await page.evaluate(async () => (await fetch('/api/v1/me')).status);
  assertEqual(me, 401, 'the session cookie no longer authenticates');
});

export const customerJourney: Journey = {
  name: 'customers',
  companyName: 'Boulangerie Lemoine SAS',
  setup: (base, session) => seedAccounts(base, session.token, SEEDED),
  steps,
};

if (require.main === module) runMain([customerJourney]);
