/**
 * Browser journey of payments: a validated invoice of 120,00 € opened in the SPA, a partial payment of
 * 50,00 € recorded through the "Record payment" dialog (method, date, amount, allocation to this
 * invoice), the invoice then "partiellement payée" with 70,00 € still due, and the payment in the
 * payments list and on its own page.
 *
 *   node -r ./tools/register.cjs apps/web-e2e/src/payments-journey.ts     # this journey alone
 */
import { api, assertEqual, PASSWORD, randomSiren, runMain, visible, type Journey, type JourneyContext } from './support/harness';

const CUSTOMER = 'Épicerie Fine Morel';
let invoice = { id: '', number: '' };

const steps: Journey['steps'] = [];
const test = (name: string, run: (ctx: JourneyContext) => Promise<void>) => steps.push({ name, run });

test('shows the balance of a validated invoice: unpaid, 120,00 € due', async ({ page, base, session, screenshot }) => {
  await page.goto(`${base}/invoices/${invoice.id}`);
  await visible(page.getByRole('heading', { name: 'Connexion' }), 'login page');
  await page.getByLabel('Adresse e-mail').fill(session.email);
  await page.getByLabel('Mot de passe').fill(PASSWORD);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  const panel = page.getByRole('region', { name: 'Règlements' });
  await visible(panel.getByText('non payée'), 'the unpaid status');
  await visible(panel.getByText('120,00 €'), 'the balance due');
  await screenshot('invoice-unpaid');
});

test('records a partial payment of 50,00 € through the dialog', async ({ page, screenshot }) => {
  await page.getByRole('button', { name: 'Enregistrer un règlement' }).click();
  const dialog = page.getByRole('dialog', { name: `Règlement de la facture ${invoice.number}` });
  await dialog.getByLabel('Mode de règlement').selectOption('cheque');
  await dialog.getByLabel(/^Montant\s*\*?$/).fill('50,00');
  await dialog.getByLabel('Référence').fill('CHQ 4411');
  const allocated = dialog.getByLabel(`Montant affecté à ${invoice.number}`);
  assertEqual(await allocated.inputValue(), '50,00', 'the allocation follows the amount');
  await screenshot('record-payment');
  await dialog.getByRole('button', { name: 'Enregistrer le règlement' }).click();
  await dialog.waitFor({ state: 'hidden' });
});

test('shows the invoice partially paid with 70,00 € still due and the payment in its history', async ({ page, base, session, screenshot }) => {
  const panel = page.getByRole('region', { name: 'Règlements' });
  await visible(panel.getByText('partiellement payée'), 'the partially paid status');
  await visible(panel.getByText('70,00 €'), 'the balance due');
  await visible(panel.getByRole('table', { name: 'Historique des affectations' }).getByText('cheque CHQ 4411'), 'the payment in the history');
  const served = await api<{ paymentStatus: string; balance: { paid: string; due: string } }>(base, 'GET', `/api/v1/invoices/${invoice.id}`, undefined, session.token);
  assertEqual(served.paymentStatus, 'partially_paid', 'the payment status served');
  assertEqual(served.balance.due, '70.00', 'the balance due served');
  await screenshot('invoice-partially-paid');
});

test('lists the payment and opens it', async ({ page, base, screenshot }) => {
  await page.goto(`${base}/payments`);
  await visible(page.getByRole('heading', { level: 1, name: 'Règlements' }), 'the payments list');
  await page.getByText('CHQ 4411').click();
  await visible(page.getByRole('heading', { level: 1, name: /Règlement de 50,00 €/ }), 'the payment page');
  await visible(page.getByRole('table', { name: 'Historique des affectations' }).getByText(invoice.number), 'its allocation to the invoice');
  await screenshot('payment-detail');
});

export const paymentsJourney: Journey = {
  name: 'payments',
  companyName: 'Comptoir Règlements SAS',
  setup: async (base, session) => {
    const account = await api<{ id: string }>(base, 'POST', '/api/v1/accounts', { name: CUSTOMER, roles: ['customer'], kind: 'company', siren: randomSiren() }, session.token);
    const draft = await api<{ id: string }>(base, 'POST', '/api/v1/invoices', { accountId: account.id, lines: [{ description: 'Panier garni', quantity: '1', unitPrice: '100.00', vatRate: '20.00' }] }, session.token);
    const validated = await api<{ id: string; number: string }>(base, 'POST', `/api/v1/invoices/${draft.id}/validate`, undefined, session.token);
    invoice = { id: validated.id, number: validated.number };
  },
  steps,
};

if (require.main === module) runMain([paymentsJourney]);
