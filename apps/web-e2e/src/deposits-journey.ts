/**
 * Browser journey of deposits: on a validated order (20 % and 5.5 %), a 30 % deposit invoice issued from
 * the "Facture d'acompte" dialog, then the order converted to its invoice, whose draft shows the deposit
 * deducted (read-only, per VAT rate) and the deposits in its totals.
 *
 *   node -r ./tools/register.cjs apps/web-e2e/src/deposits-journey.ts     # this journey alone
 */
import { api, PASSWORD, randomSiren, runMain, visible, type Journey, type JourneyContext } from './support/harness';

const CUSTOMER = 'Menuiserie Leroy';
let order = { id: '', number: '' };
let depositNumber = '';

const steps: Journey['steps'] = [];
const test = (name: string, run: (ctx: JourneyContext) => Promise<void>) => steps.push({ name, run });

test('issues a 30 % deposit invoice from the order page', async ({ page, base, session, screenshot }) => {
  await page.goto(`${base}/orders/${order.id}`);
  await visible(page.getByRole('heading', { name: 'Connexion' }), 'login page');
  await page.getByLabel('Adresse e-mail').fill(session.email);
  await page.getByLabel('Mot de passe').fill(PASSWORD);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await visible(page.getByRole('heading', { level: 1, name: `Commande ${order.number}` }), 'the validated order');
  await page.getByRole('button', { name: "Facture d'acompte" }).click();
  const dialog = page.getByRole('dialog', { name: `Acompte sur ${order.number}` });
  await visible(dialog, 'the deposit dialog');
  await dialog.getByRole('textbox', { name: 'Pourcentage du TTC' }).fill('30');
  await screenshot('deposit-dialog');
  await dialog.getByRole('button', { name: "Émettre la facture d'acompte" }).click();
  const heading = await visible(page.getByRole('heading', { level: 1, name: /^Facture d'acompte \S+$/ }), 'the validated deposit invoice');
  depositNumber = (await heading.innerText()).replace(/^Facture d'acompte /, '').trim();
  await visible(page.getByText('342,60', { exact: false }).first(), 'its gross total: 30 % of 1 142,00');
  await screenshot('deposit-invoice');
});

test('converts the order into its invoice, which deducts the deposit read-only', async ({ page, base, screenshot }) => {
  await page.goto(`${base}/orders/${order.id}`);
  await page.getByRole('button', { name: 'Transformer' }).click();
  await page.getByRole('menuitem', { name: 'Transformer en facture' }).click();
  await visible(page.getByRole('heading', { level: 1, name: 'Facture (brouillon)' }), 'the invoice draft');
  const deductions = page.getByRole('table', { name: 'Acomptes déduits' });
  await visible(deductions.getByRole('row').filter({ hasText: `Acompte n° ${depositNumber}` }).filter({ hasText: '20 %' }), 'the deduction at 20 %');
  await visible(deductions.getByRole('row').filter({ hasText: `Acompte n° ${depositNumber}` }).filter({ hasText: '5,5 %' }), 'the deduction at 5.5 %');
  const totals = page.getByRole('table', { name: 'Totaux du document' });
  await visible(totals.getByRole('row', { name: /Dont acomptes déduits/ }).getByText(/342,60/), 'the deposits in the totals');
  await visible(totals.getByRole('row', { name: /Total TTC/ }).getByText(/799,40/), 'the gross left to invoice');
  await screenshot('final-invoice-draft');
});

export const depositsJourney: Journey = {
  name: 'deposits',
  companyName: 'Atelier Acomptes SAS',
  setup: async (base, session) => {
    const account = await api<{ id: string }>(base, 'POST', '/api/v1/accounts', { name: CUSTOMER, roles: ['customer'], kind: 'company', siren: randomSiren() }, session.token);
    const draft = await api<{ id: string }>(
      base,
      'POST',
      '/api/v1/orders',
      {
        accountId: account.id,
        lines: [
          { description: 'Escalier chêne', quantity: '1', unitPrice: '600.00', vatRate: '20.00' },
          { description: 'Travaux de rénovation', quantity: '1', unitPrice: '400.00', vatRate: '5.50' },
        ],
      },
      session.token,
    );
    const validated = await api<{ id: string; number: string }>(base, 'POST', `/api/v1/orders/${draft.id}/validate`, undefined, session.token);
    order = { id: validated.id, number: validated.number };
  },
  steps,
};

if (require.main === module) runMain([depositsJourney]);
