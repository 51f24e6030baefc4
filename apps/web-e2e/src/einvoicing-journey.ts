/**
 * Browser journey of e-invoicing: the company enters the reform's scope on the e-invoicing settings
 * page (a wrong scheme is refused by the server, under its field), an invoice to a customer without a
 * billing address is refused at validation naming each missing field, an invoice to a complete French
 * business is validated and its e-invoice panel shows the B2B flow, serves the Factur-X (a PDF) and
 * reaches "generated", its validation report opens (or says the standards are not installed), it is
 * sent to the local test platform and disputed (the lifecycle shows it), a consumer sale is shown out
 * of scope, the list shows the e-status, the customer form offers the routing address, and the
 * e-reporting page shows the consumer sale and downloads its CSV.
 *
 *   node -r ./tools/register.cjs apps/web-e2e/src/einvoicing-journey.ts     # this journey alone
 */
import { readFileSync } from 'node:fs';
import { frenchVatNumber } from '@comptoir/platform/kernel';
import { standardsFile } from '@comptoir/platform/standards';
import { api, assert, eventually, PASSWORD, randomSiren, runMain, visible, type Journey, type JourneyContext } from './support/harness';

const CUSTOMER = 'Brasserie Durand';
const INCOMPLETE = 'Cave Leroux';
const ADDRESS = { line1: '8 quai de la Loire', postalCode: '44000', city: 'Nantes', country: 'FR' };
let customerId = '';
const customerSiren = randomSiren();
let invoiceId = '';
let incompleteId = '';
let invoiceNumber = '';
let consumerSaleId = '';

/** The check endpoint answers 501 standards_unavailable when the official artefacts are not installed. */
const STANDARDS_PRESENT = Boolean(standardsFile('en16931-cii') && standardsFile('en16931-ubl') && standardsFile('facturx'));

const steps: Journey['steps'] = [];
const test = (name: string, run: (ctx: JourneyContext) => Promise<void>) => steps.push({ name, run });

test("enables e-invoicing in the settings: a wrong scheme is refused under its field, then the settings are saved", async ({ page, base, session, screenshot }) => {
  await page.goto(`${base}/settings/einvoicing`);
  await visible(page.getByRole('heading', { name: 'Connexion' }), 'login page');
  await page.getByLabel('Adresse e-mail').fill(session.email);
  await page.getByLabel('Mot de passe').fill(PASSWORD);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await visible(page.getByRole('heading', { level: 1, name: 'Facturation électronique' }), 'e-invoicing settings heading');

  await page.getByRole('switch', { name: 'Entreprise dans le périmètre de la réforme' }).check({ force: true });
  await page.getByRole('textbox', { name: "Schéma d'identification" }).fill('12');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await visible(page.getByText(/electronicAddressScheme/), "the server's field error under the scheme");
  assert((await page.getByRole('textbox', { name: "Schéma d'identification" }).getAttribute('aria-invalid')) === 'true', 'the scheme field is marked invalid');

  await page.getByRole('textbox', { name: "Schéma d'identification" }).fill('0225');
  await page.getByRole('combobox', { name: 'Plateforme agréée' }).click();
  await page.getByRole('option', { name: 'Plateforme de test (locale)' }).click();
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await visible(page.getByRole('status').filter({ hasText: 'Réglages enregistrés.' }), 'the settings are saved');
  await page.reload();
  assert(await page.getByRole('switch', { name: 'Entreprise dans le périmètre de la réforme' }).isChecked(), 'in scope after a reload');
  await screenshot('einvoicing-settings');
});

test('refuses to validate an invoice whose customer has no billing address, naming each missing field', async ({ page, base, screenshot }) => {
  await page.goto(`${base}/invoices/${incompleteId}`);
  await visible(page.getByRole('heading', { level: 1, name: 'Facture (brouillon)' }), 'the draft invoice');
  await page.getByRole('button', { name: 'Valider', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Valider la facture' });
  await dialog.getByRole('button', { name: 'Valider définitivement' }).click();
  await visible(dialog.getByText(/périmètre de la facturation électronique.*aucun numéro n'a été pris/), 'the dialog says why, and that nothing was written');
  const alert = dialog.getByRole('alert');
  await visible(alert.getByText('buyer.address.line1'), 'the missing address line is named');
  await visible(alert.getByText('buyer.address.city'), 'the missing city is named');
  await screenshot('einvoice-incomplete');
  await dialog.getByRole('button', { name: 'Annuler' }).click();
  await visible(page.getByRole('heading', { level: 1, name: 'Facture (brouillon)' }), 'still a draft: nothing written');
});

test('validates the B2B invoice: its e-invoice panel shows the flow and serves the Factur-X, a PDF, and reaches "generated"', async ({ page, base, screenshot }) => {
  await page.goto(`${base}/invoices/${invoiceId}`);
  await page.getByRole('button', { name: 'Valider', exact: true }).click();
  await page.getByRole('dialog', { name: 'Valider la facture' }).getByRole('button', { name: 'Valider définitivement' }).click();
  const heading = await visible(page.getByRole('heading', { level: 1, name: /^Facture [^(\s]+$/ }), 'the validated invoice (its number, no longer "(brouillon)")');
  invoiceNumber = (await heading.innerText()).replace(/^Facture /, '').trim();
  const panel = page.getByRole('region', { name: 'Facture électronique' });
  await visible(panel.getByText('B2B France'), 'the B2B flow');

  const served = page.waitForResponse((r) => r.url().includes(`/invoices/${invoiceId}/einvoice?format=facturx`));
  const saved = page.waitForEvent('download');
  await panel.getByRole('button', { name: 'Télécharger Factur-X (PDF)' }).click();
  const response = await served;
  assert(response.ok(), `the Factur-X is served (HTTP ${response.status()})`);
  assert((response.headers()['content-type'] ?? '').startsWith('application/pdf'), `served as a PDF (${response.headers()['content-type']})`);
  const download = await saved;
  const head = readFileSync(await download.path()).subarray(0, 5).toString('latin1');
  assert(head === '%PDF-', `the saved file starts with %PDF- (${JSON.stringify(head)})`);
  assert(download.suggestedFilename().endsWith('.pdf'), `saved as a .pdf (${download.suggestedFilename()})`);
  await visible(panel.getByText('Générée', { exact: true }), 'the e-invoice status: generated');
  await screenshot('einvoice-panel');
});

test('opens the validation report of each syntax', async ({ page, screenshot }) => {
  const panel = page.getByRole('region', { name: 'Facture électronique' });
  await panel.getByRole('button', { name: 'Vérifier' }).click();
  const dialog = page.getByRole('dialog', { name: 'Rapport de validation' });
  if (!STANDARDS_PRESENT) {
    await visible(dialog.getByText(/référentiels de validation.*ne sont pas installés/), 'the standards are not installed here');
  } else {
    for (const section of ['CII (XML)', 'UBL (XML)', 'XML extrait du Factur-X']) {
      const report = dialog.getByRole('region', { name: section });
      await visible(report.getByText('Conforme', { exact: true }), `${section}: valid`, 120_000);
      await visible(report.getByRole('cell', { name: 'Schématron' }).first(), `${section}: a schematron check is listed`);
    }
    const more = dialog.getByRole('button', { name: /^Voir les \d+ anomalie/ });
    if (await more.count()) {
      await more.first().click();
      await visible(dialog.getByRole('columnheader', { name: 'Règle' }), 'the issues of a check, with their rule ids');
    }
  }
  await screenshot('einvoice-check');
  await page.keyboard.press('Escape');
});

test('sends the e-invoice to the test platform, then reports a dispute: the lifecycle shows it with its reason', async ({ page, screenshot }) => {
  const panel = page.getByRole('region', { name: 'Facture électronique' });
  await panel.getByRole('button', { name: 'Transmettre à la plateforme' }).click();
  await page.getByRole('dialog', { name: 'Transmettre la facture électronique' }).getByRole('button', { name: 'Transmettre à la plateforme' }).click();
  await visible(panel.getByText('Plateforme de test (locale)'), 'the platform it went to');
  await visible(panel.getByText('Transmise', { exact: true }), 'the e-invoice status: submitted');
  await screenshot('einvoice-submitted');

  // Cashed in before any payment: the server says why not, in the dialog, and nothing is recorded.
  await panel.getByRole('button', { name: 'Émettre un statut' }).click();
  await page.getByRole('menuitem', { name: '212 — Encaissée' }).click();
  const cashed = page.getByRole('dialog', { name: 'Statut 212 : Encaissée' });
  await cashed.getByRole('button', { name: 'Envoyer le statut' }).click();
  await visible(cashed.getByRole('alert').filter({ hasText: /payment|received/i }), "the server's refusal: no payment received yet");
  await cashed.getByRole('button', { name: 'Annuler' }).click();

  await panel.getByRole('button', { name: 'Émettre un statut' }).click();
  await page.getByRole('menuitem', { name: '207 — En litige' }).click();
  const disputed = page.getByRole('dialog', { name: 'Statut 207 : En litige' });
  await disputed.getByRole('textbox', { name: 'Motif' }).fill('Livraison incomplète : un fût manquant');
  await disputed.getByRole('button', { name: 'Envoyer le statut' }).click();
  const lifecycle = panel.getByRole('table', { name: 'Cycle de vie' });
  await visible(lifecycle.getByRole('row').filter({ hasText: '207' }).filter({ hasText: 'En litige' }).filter({ hasText: 'Vendeur' }).filter({ hasText: 'un fût manquant' }), 'the dispute the seller emitted, with its reason, in the lifecycle');
  await screenshot('einvoice-lifecycle');
});

test('a consumer sale is outside B2B e-invoicing: its panel says so and offers no transmission', async ({ page, base, screenshot }) => {
  await page.goto(`${base}/invoices/${consumerSaleId}`);
  const panel = page.getByRole('region', { name: 'Facture électronique' });
  await visible(panel.getByText('Particulier (B2C)'), 'the B2C flow');
  await visible(panel.getByText('Hors du périmètre de la facturation électronique B2B'), 'the out-of-scope notice');
  await visible(panel.getByRole('button', { name: 'Télécharger CII (XML)' }), 'its files can still be downloaded');
  assert((await panel.getByRole('button', { name: 'Transmettre à la plateforme' }).count()) === 0, 'no transmission offered for a B2C sale');
  await panel.scrollIntoViewIfNeeded();
  await screenshot('einvoice-b2c');
});

test('the invoice list shows the e-invoice status', async ({ page, base, screenshot }) => {
  await page.goto(`${base}/invoices`);
  const row = page.getByRole('row').filter({ hasText: invoiceNumber });
  await visible(row, 'the invoice in the list');
  await eventually(async () => (await row.first().innerText()).length > 0, 'the row is rendered');
  const text = await row.first().innerText();
  assert(/En litige/i.test(text), `the row shows the e-invoice status (${text.replace(/\s+/g, ' ')})`);
  await screenshot('invoice-list');
});

test('the customer form offers the electronic address (BT-49) with its help text, and saves it once valid', async ({ page, base, screenshot }) => {
  await page.goto(`${base}/customers/${customerId}/edit`);
  const field = await visible(page.getByRole('textbox', { name: 'Adresse électronique (BT-49)' }), 'the electronic address field');
  await visible(page.getByText(/Laissé vide : son SIREN/), 'the help: the SIREN by default');
  await field.fill('not an address!');
  await page.getByRole('button', { name: 'Enregistrer les modifications' }).click();
  await visible(page.getByText(/electronicAddress/), "the server's refusal under the field");
  await field.fill(`${customerSiren}_COMPTA`);
  await page.getByRole('button', { name: 'Enregistrer les modifications' }).click();
  await visible(page.getByRole('heading', { level: 1, name: CUSTOMER }), 'saved: back on the customer page');
  await visible(page.getByText(`0225:${customerSiren}_COMPTA`), 'the customer page shows the routing address with its scheme');
  await screenshot('customer-electronic-address');
});

test('the e-reporting page shows the consumer sale of the period per rate, and downloads it as CSV', async ({ page, base, screenshot }) => {
  await page.goto(`${base}/accounting/e-reporting`);
  await visible(page.getByRole('heading', { level: 1, name: 'E-reporting' }), 'e-reporting heading');
  const b2c = page.getByRole('table', { name: 'Ventes aux particuliers (B2C), par jour et par taux' });
  const row = b2c.getByRole('row').filter({ hasText: '20 %' });
  await visible(row, 'the consumer sale at 20 %');
  const cells = (await row.first().innerText()).replace(/[\u00a0\u202f]/g, ' ');
  assert(cells.includes('45,00 €') && cells.includes('9,00 €') && cells.includes('54,00 €'), `net 45.00, VAT 9.00, gross 54.00 (${cells.replace(/\s+/g, ' ')})`);
  await visible(page.getByRole('region', { name: 'Ventes B2B internationales' }), 'the international table');
  await visible(page.getByRole('region', { name: 'Encaissements des prestations de services, par taux' }), 'the payment data table');

  const served = page.waitForResponse((r) => r.url().includes('/einvoicing/e-reporting?') && r.url().includes('format=csv'));
  const saved = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Télécharger le CSV' }).click();
  const response = await served;
  assert(response.ok() && (response.headers()['content-type'] ?? '').startsWith('text/csv'), `a CSV is served (HTTP ${response.status()}, ${response.headers()['content-type']})`);
  const download = await saved;
  assert(download.suggestedFilename().endsWith('.csv'), `saved as a .csv (${download.suggestedFilename()})`);
  assert(readFileSync(await download.path(), 'utf8').includes('45,00'), 'the CSV holds the net amount with a decimal comma');
  await screenshot('e-reporting');
});

export const einvoicingJourney: Journey = {
  name: 'einvoicing',
  companyName: 'Brasserie Lemoine SAS',
  setup: async (base, session) => {
    const me = await api<{ company: { id: string; siren: string } }>(base, 'GET', '/api/v1/me', undefined, session.token);
    await api(base, 'PATCH', `/api/v1/companies/${me.company.id}`, { vatNumber: frenchVatNumber(me.company.siren), address: { line1: '3 rue des Brasseurs', postalCode: '35000', city: 'Rennes', country: 'FR' } }, session.token);
    await api(base, 'POST', '/api/v1/bank-accounts', { iban: 'FR7630006000011234567890189', bic: 'AGRIFRPP', holder: 'Brasserie Lemoine SAS' }, session.token);
    const customer = await api<{ id: string }>(base, 'POST', '/api/v1/accounts', { name: CUSTOMER, roles: ['customer'], kind: 'company', siren: customerSiren, email: 'compta@durand.example', billingAddress: ADDRESS }, session.token);
    customerId = customer.id;
    const incomplete = await api<{ id: string }>(base, 'POST', '/api/v1/accounts', { name: INCOMPLETE, roles: ['customer'], kind: 'company', siren: randomSiren() }, session.token);
    const lines = [{ description: 'Fût de bière blonde 30 L', quantity: '2', unitPrice: '95.00', vatRate: '20.00' }];
    invoiceId = (await api<{ id: string }>(base, 'POST', '/api/v1/invoices', { accountId: customer.id, paymentMethod: 'transfer', lines }, session.token)).id;
    incompleteId = (await api<{ id: string }>(base, 'POST', '/api/v1/invoices', { accountId: incomplete.id, paymentMethod: 'transfer', lines }, session.token)).id;
    // A consumer sale, outside e-invoicing: it is e-reported.
    const consumer = await api<{ id: string }>(base, 'POST', '/api/v1/accounts', { name: 'Julie Morel', roles: ['customer'], kind: 'person', billingAddress: ADDRESS }, session.token);
    const sale = await api<{ id: string }>(base, 'POST', '/api/v1/invoices', { accountId: consumer.id, paymentMethod: 'card', lines: [{ description: 'Coffret dégustation', quantity: '3', unitPrice: '15.00', vatRate: '20.00' }] }, session.token);
    await api(base, 'POST', `/api/v1/invoices/${sale.id}/validate`, undefined, session.token);
    consumerSaleId = sale.id;
  },
  steps,
};

if (require.main === module) runMain([einvoicingJourney]);
