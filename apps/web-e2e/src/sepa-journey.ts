/**
 * Browser journey of SEPA direct debit: the batch wizard lists open invoices and says which cannot be
 * collected, the server's per-invoice refusal shows on its row with nothing created, then a valid
 * batch is generated and its pain.008 XML downloaded (the bytes are checked).
 *
 *   node -r ./tools/register.cjs apps/web-e2e/src/sepa-journey.ts     # this journey alone
 */
import { readFile } from 'node:fs/promises';
import { api, assert, PASSWORD, randomSiren, runMain, visible, type Journey, type JourneyContext } from './support/harness';

const DEBTOR = 'Boulangerie du Marché';
const NO_MANDATE = 'Fromagerie Sans Mandat';
let collectable = { id: '', number: '' };
let orphan = { id: '', number: '' };

const steps: Journey['steps'] = [];
const test = (name: string, run: (ctx: JourneyContext) => Promise<void>) => steps.push({ name, run });

function parisToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date());
}

async function validatedInvoice(base: string, token: string, accountId: string, amount: string): Promise<{ id: string; number: string }> {
  const draft = await api<{ id: string }>(base, 'POST', '/api/v1/invoices', { accountId, lines: [{ description: 'Livraison de farine', quantity: '1', unitPrice: amount, vatRate: '5.50' }] }, token);
  return api<{ id: string; number: string }>(base, 'POST', `/api/v1/invoices/${draft.id}/validate`, undefined, token);
}

test('lists the open invoices in the batch wizard, with the one that cannot be collected', async ({ page, base, session, screenshot }) => {
  await page.goto(`${base}/receivables/sepa`);
  await visible(page.getByRole('heading', { name: 'Connexion' }), 'login page');
  await page.getByLabel('Adresse e-mail').fill(session.email);
  await page.getByLabel('Mot de passe').fill(PASSWORD);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await visible(page.getByRole('heading', { level: 1, name: 'Prélèvements SEPA' }), 'SEPA screen heading');
  await page.getByRole('button', { name: 'Nouvelle remise' }).click();
  const table = page.getByRole('table', { name: 'Factures ouvertes' });
  await visible(table.getByRole('row').filter({ hasText: collectable.number }).getByText('RUM-MARCHE-001'), 'the mandate of the collectable invoice');
  await visible(table.getByRole('row').filter({ hasText: orphan.number }).getByText('Pas de mandat actif'), 'the invoice without mandate flagged');
  await screenshot('sepa-wizard');
});

test('shows the server’s refusal on the invoice’s row and creates nothing', async ({ page, screenshot }) => {
  await page.getByRole('checkbox', { name: `Sélectionner la facture ${collectable.number}` }).check();
  await page.getByRole('checkbox', { name: `Sélectionner la facture ${orphan.number}` }).check();
  await page.getByRole('button', { name: 'Générer le fichier' }).click();
  await visible(page.getByRole('alert').filter({ hasText: '1 facture(s) ne peuvent pas être prélevées' }), 'the refusal');
  const row = page.getByRole('table', { name: 'Factures ouvertes' }).getByRole('row').filter({ hasText: orphan.number });
  await visible(row.getByText(/the customer has no SEPA mandate/), 'the reason on the row');
  await visible(page.getByText('Aucune remise pour l’instant.').or(page.getByText("Aucune remise pour l'instant.")), 'no batch created');
  await screenshot('sepa-refused');
});

test('generates the batch and downloads a pain.008 XML file', async ({ page, screenshot }) => {
  await page.getByRole('checkbox', { name: `Sélectionner la facture ${orphan.number}` }).uncheck();
  await page.getByRole('button', { name: 'Générer le fichier' }).click();
  const created = page.getByRole('status', { name: 'Remise créée' });
  await visible(created.getByText(/1 prélèvement\(s\), 105,50/), 'the batch summary');
  const [download] = await Promise.all([page.waitForEvent('download'), created.getByRole('button', { name: /Télécharger le XML de la remise/ }).click()]);
  const path = await download.path();
  assert(path, 'the download was saved');
  const xml = await readFile(path, 'utf8');
  assert(xml.startsWith('<?xml'), `the file is XML (starts with ${JSON.stringify(xml.slice(0, 20))})`);
  assert(xml.includes('urn:iso:std:iso:20022:tech:xsd:pain.008.001.08'), 'the file is a pain.008.001.08 message');
  assert(xml.includes(`<EndToEndId>${collectable.number}</EndToEndId>`), 'the debit names the invoice');
  assert(xml.includes('<SeqTp>FRST</SeqTp>') && xml.includes('<InstdAmt Ccy="EUR">105.50</InstdAmt>'), 'a first debit of the invoice amount');
  assert(download.suggestedFilename().endsWith('.xml'), `an .xml file name (${download.suggestedFilename()})`);
  await visible(page.getByRole('table', { name: 'Remises' }).getByText('Générée'), 'the batch in the history');
  await screenshot('sepa-created');
});

export const sepaJourney: Journey = {
  name: 'sepa',
  companyName: 'Minoterie Lemoine SAS',
  setup: async (base, session) => {
    const me = await api<{ company: { id: string } }>(base, 'GET', '/api/v1/me', undefined, session.token);
    await api(base, 'PATCH', `/api/v1/companies/${me.company.id}`, { sepaCreditorId: 'FR72ZZZ123456' }, session.token);
    await api(base, 'POST', '/api/v1/bank-accounts', { iban: 'FR7630006000011234567890189', bic: 'AGRIFRPP', holder: 'Minoterie Lemoine SAS' }, session.token);
    const debtor = await api<{ id: string }>(base, 'POST', '/api/v1/accounts', { name: DEBTOR, roles: ['customer'], kind: 'company', siren: randomSiren(), email: 'compta@boulangerie-marche.example' }, session.token);
    const bank = await api<{ id: string }>(base, 'POST', '/api/v1/bank-accounts', { accountId: debtor.id, iban: 'FR1420041010050500013M02606', bic: 'PSSTFRPPPAR', holder: DEBTOR }, session.token);
    await api(base, 'POST', '/api/v1/mandates', { accountId: debtor.id, bankAccountId: bank.id, reference: 'RUM-MARCHE-001', signedOn: parisToday(), signaturePlace: 'Rouen', type: 'recurrent', scheme: 'CORE' }, session.token);
    const other = await api<{ id: string }>(base, 'POST', '/api/v1/accounts', { name: NO_MANDATE, roles: ['customer'], kind: 'company', siren: randomSiren() }, session.token);
    collectable = await validatedInvoice(base, session.token, debtor.id, '100.00');
    orphan = await validatedInvoice(base, session.token, other.id, '40.00');
  },
  steps,
};

if (require.main === module) runMain([sepaJourney]);
