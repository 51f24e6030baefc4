/**
 * Browser journey of the Stripe screens: keys entered on the settings page come back only as
 * "configured ••••last4", the connection test shows Stripe's answer (here: unreachable, the test
 * configuration points Stripe at a closed port), the customer page offers the customer's bank
 * accounts for SEPA registration, and the invoice page's "Collect with Stripe" asks to confirm the
 * open balance and shows the server's refusal (the customer is not registered yet).
 *
 *   node -r ./tools/register.cjs apps/web-e2e/src/stripe-journey.ts     # this journey alone
 */
import { api, assert, PASSWORD, randomSiren, runMain, visible, type Journey, type JourneyContext } from './support/harness';

const CUSTOMER = 'Épicerie Fine Dubois';
const SECRET_KEY = 'sk_test_51JourneyKey0123456789WXYZ';
let customerId = '';
let invoiceId = '';

const steps: Journey['steps'] = [];
const test = (name: string, run: (ctx: JourneyContext) => Promise<void>) => steps.push({ name, run });

test('enters the Stripe keys: the page shows them configured by their last four characters only', async ({ page, base, session, screenshot }) => {
  await page.goto(`${base}/settings/stripe`);
  await visible(page.getByRole('heading', { name: 'Connexion' }), 'login page');
  await page.getByLabel('Adresse e-mail').fill(session.email);
  await page.getByLabel('Mot de passe').fill(PASSWORD);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await visible(page.getByRole('heading', { level: 1, name: 'Stripe' }), 'Stripe settings heading');
  await visible(page.getByText('Non configurée'), 'not configured yet');
  const webhookUrl = await page.getByLabel('Adresse du webhook').inputValue();
  assert(/\/api\/v1\/stripe\/webhooks\/[0-9a-f-]{36}$/.test(webhookUrl), `the webhook URL names the company (${webhookUrl})`);

  await page.getByLabel('Clé secrète').fill('pk_test_wrongKind0123456789');
  await page.getByLabel('Clé publiable').fill('pk_test_51JourneyKey0123456789WXYZ');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await visible(page.getByText(/secretKey must be a Stripe secret key/), "the server's field error under the secret key");

  await page.getByLabel('Clé secrète').fill(SECRET_KEY);
  await page.getByLabel('Secret de signature du webhook').fill('whsec_JourneySecret0123456789');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await visible(page.getByText('Configurée ••••WXYZ'), 'configured by the last four characters');
  assert((await page.getByLabel('Clé secrète').inputValue()) === '', 'the secret key field is empty again');
  assert(!(await page.content()).includes(SECRET_KEY), 'the page never shows the secret key');
  await screenshot('stripe-settings');
});

test("shows the connection test's answer", async ({ page, screenshot }) => {
  await page.getByRole('button', { name: 'Tester la connexion' }).click();
  await visible(page.getByRole('alert').filter({ hasText: 'Stripe could not be reached' }), 'the failed test, with its reason');
  await screenshot('stripe-test');
});

test("offers the customer's bank accounts for Stripe SEPA registration", async ({ page, base, screenshot }) => {
  await page.goto(`${base}/customers/${customerId}`);
  await visible(page.getByRole('heading', { level: 1, name: CUSTOMER }), 'customer page');
  await page.getByRole('button', { name: 'Inscrire au prélèvement Stripe' }).click();
  const dialog = page.getByRole('dialog', { name: 'Prélèvement SEPA par Stripe' });
  await visible(dialog, 'the registration dialog');
  await dialog.getByLabel('Compte bancaire du client').click();
  await visible(page.getByRole('option', { name: /FR14 •••• 2606/ }), "the customer's IBAN, masked");
  await page.keyboard.press('Escape');
  await screenshot('stripe-register');
  await dialog.getByRole('button', { name: 'Annuler' }).click();
});

test('asks to confirm the open balance before collecting with Stripe, and shows the refusal', async ({ page, base, screenshot }) => {
  await page.goto(`${base}/invoices/${invoiceId}`);
  await page.getByRole('button', { name: 'Encaisser avec Stripe' }).click();
  const dialog = page.getByRole('dialog', { name: 'Encaisser par prélèvement Stripe' });
  await visible(dialog.getByText(/Prélever 120,00\s€/), 'the amount to collect');
  await dialog.getByRole('button', { name: 'Prélever' }).click();
  await visible(dialog.getByRole('alert').filter({ hasText: /not registered at Stripe/ }), "the server's refusal");
  await screenshot('stripe-collect');
});

export const stripeJourney: Journey = {
  name: 'stripe',
  companyName: 'Épicerie Dubois SAS',
  setup: async (base, session) => {
    const customer = await api<{ id: string }>(base, 'POST', '/api/v1/accounts', { name: CUSTOMER, roles: ['customer'], kind: 'company', siren: randomSiren(), email: 'compta@dubois.example' }, session.token);
    customerId = customer.id;
    await api(base, 'POST', '/api/v1/bank-accounts', { accountId: customer.id, iban: 'FR1420041010050500013M02606', bic: 'PSSTFRPPPAR', holder: CUSTOMER }, session.token);
    const draft = await api<{ id: string }>(base, 'POST', '/api/v1/invoices', { accountId: customer.id, lines: [{ description: 'Panier garni', quantity: '1', unitPrice: '100.00', vatRate: '20.00' }] }, session.token);
    await api(base, 'POST', `/api/v1/invoices/${draft.id}/validate`, undefined, session.token);
    invoiceId = draft.id;
  },
  steps,
};

if (require.main === module) runMain([stripeJourney]);
