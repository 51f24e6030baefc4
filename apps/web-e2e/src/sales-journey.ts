/**
 * Browser journey of the sales documents: catalog, a 3-line quote typed at the keyboard with a discount
 * on the gross total and its live totals, validation with confirmation, quote → order → invoice, the
 * invoice's legal number and PDF, the document map, numbering and the sealed-journal check.
 *
 *   node -r ./tools/register.cjs apps/web-e2e/src/sales-journey.ts     # this journey alone
 *
 * Expected totals were worked out by hand (EN 16931, API.md): lines 3 × 35.00 = 105.00 at 20 %,
 * 2 × 24.50 = 49.00 at 10 %, 4 × 12.99 = 51.96 at 5.5 % (gross 126.00 + 53.90 + 54.82 = 234.72);
 * 10.00 off the gross spread pro rata (largest remainder): 5.37 / 2.30 / 2.33 gross, i.e. net
 * allowances 4.48 / 2.09 / 2.21; bases 100.52 / 46.91 / 49.75; VAT 20.10 + 4.69 + 2.74 = 27.53;
 * net 197.18, gross 224.71.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Client } from 'pg';
import type { Page } from 'playwright-core';
import { api, assert, assertEqual, eventually, PASSWORD, runMain, visible, type Journey, type JourneyContext } from './support/harness';

const CUSTOMER = `Boulangerie Martin ${randomBytes(2).toString('hex').toUpperCase()}`;
const EXPECTED = { lineNets: ['105,00 €', '49,00 €', '51,96 €'], lineNetTotal: '205,96 €', net: '197,18 €', vat: '27,53 €', gross: '224,71 €' };

/** The validated invoice, for the tampering at the end. */
let invoiceId = '';

const steps: Journey['steps'] = [];
const test = (name: string, run: (ctx: JourneyContext) => Promise<void>) => steps.push({ name, run });

/** Text with the thin and no-break spaces of French number formats made plain. */
function plain(text: string): string {
  return text.replace(/[\u00a0\u202f]/g, ' ').replace(/\s+/g, ' ').trim();
}

async function totalsRow(page: Page, label: string): Promise<string> {
  const row = page.getByRole('table', { name: 'Totaux du document' }).getByRole('row', { name: new RegExp(`^${label}`) });
  return plain(await row.getByRole('cell').last().innerText());
}

async function checkTotals(page: Page, when: string): Promise<void> {
  await eventually(async () => (await totalsRow(page, 'Total TTC')) === EXPECTED.gross, `${when}: Total TTC is ${EXPECTED.gross} (shown: ${await totalsRow(page, 'Total TTC').catch(() => '?')})`);
  assertEqual(await totalsRow(page, 'Total HT'), EXPECTED.net, `${when}: Total HT`);
  assertEqual(await totalsRow(page, 'Total TVA'), EXPECTED.vat, `${when}: Total TVA`);
}

/** The document id in the address bar, once the SPA navigated to it. */
async function documentId(page: Page, path: string): Promise<string> {
  const pattern = new RegExp(`/${path}/([0-9a-f-]{36})$`);
  await eventually(async () => pattern.test(new URL(page.url()).pathname), `the address is /${path}/<id> (at ${page.url()})`);
  return pattern.exec(new URL(page.url()).pathname)?.[1] ?? '';
}

async function validateWithConfirmation(page: Page, dialogTitle: string): Promise<void> {
  await page.getByRole('button', { name: 'Valider', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: dialogTitle });
  await visible(dialog.getByText(/numéro légal.*définitif/), 'the confirmation says the number becomes final');
  await dialog.getByRole('button', { name: 'Valider définitivement' }).click();
}

/** Quantity, a few letters, Enter; with `option`, waits for the matches first (else types on at full speed). */
async function addProduct(page: Page, quantity: string, search: string, option?: RegExp): Promise<void> {
  await page.getByLabel('Quantité', { exact: true }).fill(quantity);
  const entry = page.getByLabel('Ajouter un produit');
  await entry.fill(search);
  if (option) await visible(page.getByRole('option', { name: option }), `the product matching "${search}" in the results`);
  await entry.press('Enter');
}

test('signs in and finds the seeded products in the catalog', async ({ page, base, session, screenshot }) => {
  await page.goto(`${base}/products`);
  await visible(page.getByRole('heading', { name: 'Connexion' }), 'login page');
  await page.getByLabel('Adresse e-mail').fill(session.email);
  await page.getByLabel('Mot de passe').fill(PASSWORD);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await visible(page.getByRole('heading', { level: 1, name: 'Produits et services' }), 'product list heading');
  const table = page.getByRole('table', { name: 'Catalogue des produits' });
  await visible(table.getByRole('row').filter({ hasText: 'JARD-H' }).filter({ hasText: '35,00 €' }), 'the garden service at 35,00 €');
  await visible(table.getByRole('row').filter({ hasText: 'MEN-H' }).filter({ hasText: '10 %' }), 'the cleaning hour at 10 % VAT');
  await screenshot('products');
});

test('creates a product with a 4-decimal price and 5.5 % VAT', async ({ page, screenshot }) => {
  await page.getByRole('link', { name: 'Nouveau produit' }).first().click();
  await visible(page.getByRole('heading', { level: 1, name: 'Nouveau produit' }), 'product form');
  await page.getByRole('textbox', { name: 'Référence' }).fill('KIT-NET');
  await page.getByRole('textbox', { name: 'Désignation' }).fill('Kit de nettoyage écologique');
  await page.getByRole('combobox', { name: 'Type' }).click();
  await page.getByRole('option', { name: 'Bien' }).click();
  await page.getByRole('combobox', { name: 'Unité' }).click();
  await page.getByRole('option', { name: 'Pièce' }).click();
  await page.getByRole('textbox', { name: 'Prix unitaire HT' }).fill('12,9900');
  await page.getByRole('combobox', { name: 'Taux de TVA' }).click();
  await page.getByRole('option', { name: 'TVA 5,5 %' }).click();
  await page.getByRole('textbox', { name: 'Compte de vente' }).fill('707000');
  await screenshot('product-form');
  await page.getByRole('button', { name: 'Créer le produit' }).click();
  await visible(page.getByRole('heading', { level: 1, name: 'KIT-NET · Kit de nettoyage écologique' }), 'the saved product');
  await page.getByRole('link', { name: 'Retour au catalogue' }).click();
  await page.getByRole('searchbox', { name: 'Rechercher' }).fill('KIT');
  const table = page.getByRole('table', { name: 'Catalogue des produits' });
  await eventually(async () => (await table.locator('tbody tr[aria-rowindex]').count()) === 1, 'the search keeps one product');
  await visible(table.getByRole('row').filter({ hasText: '12,99 €' }).filter({ hasText: '5,5 %' }), 'its price and VAT rate');
});

test('creates the customer', async ({ page }) => {
  await page.getByRole('link', { name: 'Clients', exact: true }).click();
  await page.getByRole('link', { name: 'Nouveau client' }).first().click();
  await page.getByLabel('Nom ou raison sociale').fill(CUSTOMER);
  await page.getByLabel('Adresse', { exact: true }).fill('12 rue de la République');
  await page.getByLabel('Code postal').fill('69002');
  await page.getByLabel('Ville').fill('Lyon');
  await page.getByRole('button', { name: 'Créer le client' }).click();
  await visible(page.getByRole('heading', { level: 1, name: CUSTOMER }), 'the new customer');
});

test('types a 3-line quote at the keyboard: each product is priced as it is added', async ({ page, screenshot }) => {
  await page.getByRole('link', { name: 'Devis', exact: true }).click();
  await visible(page.getByRole('heading', { level: 1, name: 'Devis' }), 'quote list');
  await page.getByRole('link', { name: 'Nouveau devis' }).first().click();
  await visible(page.getByRole('heading', { level: 1, name: 'Nouveau devis' }), 'the new quote form');
  const customer = page.getByRole('combobox', { name: 'Client', exact: true });
  const suffix = CUSTOMER.split(' ').slice(-1)[0] ?? CUSTOMER;
  const searched = page.waitForResponse((r) => r.url().includes('/api/v1/accounts?') && r.url().includes(`q=${suffix}`));
  await customer.fill(suffix);
  await searched;
  await page.getByRole('option', { name: CUSTOMER }).click();
  await eventually(async () => (await customer.inputValue()) === CUSTOMER, 'the customer is chosen');
  await page.getByRole('textbox', { name: 'Objet' }).fill('Entretien des locaux — décembre');

  await addProduct(page, '3', 'JARD', /JARD-H/);
  // The next two at typing speed, while the first line still creates the draft: queued, added in order.
  await addProduct(page, '2', 'MEN');
  await addProduct(page, '4', 'KIT');
  await documentId(page, 'quotes');
  await visible(page.getByRole('heading', { level: 1, name: 'Devis (brouillon)' }), 'the draft was created by the first line');
  for (const [i, net] of EXPECTED.lineNets.entries()) {
    await eventually(async () => plain(await page.getByLabel(`Total HT, ligne ${i + 1}`).innerText().catch(() => '')) === net, `line ${i + 1} net is ${net}`);
  }
  assertEqual(await page.getByLabel('Quantité, ligne 3').inputValue(), '4', 'quantity typed before the product');
  assertEqual(await totalsRow(page, 'Total des lignes HT'), EXPECTED.lineNetTotal, 'sum of the line nets');
  // Grid navigation: arrows move between lines in the same column.
  await page.getByLabel('Quantité, ligne 1').focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  assertEqual(await page.evaluate(() => document.activeElement?.getAttribute('aria-label')), 'Quantité, ligne 3', 'focus after two ArrowDown');
  await screenshot('quote-lines');
});

test('a discount on the gross total updates the totals live, as the server will store them', async ({ page, base, session, screenshot }) => {
  await page.getByRole('checkbox', { name: 'Remise générale' }).check();
  await page.locator('label', { hasText: 'le TTC' }).click();
  await page.locator('label', { hasText: '€' }).click();
  await page.getByRole('textbox', { name: 'Valeur de la remise' }).fill('10');
  // Nothing saved yet: these totals come from the engine running in the browser.
  await visible(page.getByText('Modifications non enregistrées'), 'unsaved changes');
  await checkTotals(page, 'live, before saving');
  const breakdown = page.getByRole('table', { name: 'Détail de la TVA' });
  await visible(breakdown.getByRole('row').filter({ hasText: '5,5 %' }).filter({ hasText: '49,75 €' }).filter({ hasText: '2,74 €' }), 'the 5.5 % base and VAT after the spread discount');
  await screenshot('quote-live-totals');

  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await visible(page.getByText('Toutes les modifications sont enregistrées'), 'saved');
  const id = await documentId(page, 'quotes');
  const saved = await api<{ totals: { net: string; vatTotal: string; gross: string }; generalDiscount: { base: string; mode: string } }>(base, 'GET', `/api/v1/quotes/${id}`, undefined, session.token);
  assertEqual(saved.totals.gross, '224.71', 'gross stored by the server');
  assertEqual(saved.totals.net, '197.18', 'net stored by the server');
  assertEqual(`${saved.generalDiscount.mode}/${saved.generalDiscount.base}`, 'amount/gross', 'discount stored as an amount on the gross');
  await checkTotals(page, 'after saving');
});

test('validates the quote after a confirmation that the number becomes final', async ({ page, screenshot }) => {
  await validateWithConfirmation(page, 'Valider le devis');
  const heading = await visible(page.getByRole('heading', { level: 1, name: /^Devis [^\s(]+$/ }), 'the quote heading with its number');
  assert(!/brouillon/i.test(await heading.innerText()), 'no longer a draft');
  await visible(page.getByText('Envoyé', { exact: true }), 'status chip');
  assertEqual(await page.getByRole('button', { name: 'Valider', exact: true }).count(), 0, 'no validate button on a validated quote');
  await checkTotals(page, 'validated quote');
  await screenshot('quote-validated');
});

test('converts the quote into an order and validates it', async ({ page }) => {
  await page.getByRole('button', { name: 'Transformer' }).click();
  await page.getByRole('menuitem', { name: 'Transformer en commande' }).click();
  await visible(page.getByRole('heading', { level: 1, name: 'Commande (brouillon)' }), 'the order draft');
  await documentId(page, 'orders');
  await checkTotals(page, 'order draft (lines, discount copied)');
  await validateWithConfirmation(page, 'Valider la commande');
  await visible(page.getByRole('heading', { level: 1, name: /^Commande [^\s(]+$/ }), 'the numbered order');
});

test('converts the order into an invoice, validates it and shows its legal number', async ({ page, base, session, screenshot }) => {
  await page.getByRole('button', { name: 'Transformer' }).click();
  await page.getByRole('menuitem', { name: 'Transformer en facture' }).click();
  await visible(page.getByRole('heading', { level: 1, name: 'Facture (brouillon)' }), 'the invoice draft');
  const id = await documentId(page, 'invoices');
  invoiceId = id;
  await checkTotals(page, 'invoice draft');
  await screenshot('invoice-draft');
  await validateWithConfirmation(page, 'Valider la facture');
  const heading = await visible(page.getByRole('heading', { level: 1, name: /^Facture [^\s(]+$/ }), 'the invoice heading with its number');
  const shown = (await heading.innerText()).replace(/^Facture /, '').trim();
  const invoice = await api<{ number: string | null; status: string; totals: { gross: string } }>(base, 'GET', `/api/v1/invoices/${id}`, undefined, session.token);
  assertEqual(invoice.status, 'validated', 'invoice status');
  assertEqual(shown, invoice.number, 'the number shown is the legal number');
  assertEqual(invoice.totals.gross, '224.71', 'invoice gross');
  await visible(page.getByText('Émise', { exact: true }), 'status chip');
  await screenshot('invoice-validated');
});

test('opens the PDF of the invoice', async ({ page, screenshot }) => {
  const served = page.waitForResponse((r) => /\/api\/v1\/invoices\/[0-9a-f-]{36}\/pdf$/.test(new URL(r.url()).pathname), { timeout: 30_000 });
  await page.getByRole('button', { name: 'Aperçu PDF' }).click();
  const response = await served;
  assertEqual(response.status(), 200, 'PDF status');
  assert((response.headers()['content-type'] ?? '').startsWith('application/pdf'), `content type application/pdf (got ${response.headers()['content-type']})`);
  const dialog = page.getByRole('dialog', { name: /^PDF de / });
  const open = await visible(dialog.getByRole('link', { name: 'Ouvrir dans un nouvel onglet' }), 'a link to open it in a new tab');
  // The bytes the SPA received (and shows): read back from the blob URL the link and the viewer use.
  const href = (await open.getAttribute('href')) ?? '';
  const pdf = await page.evaluate(async (url) => {
    const bytes = new Uint8Array(await (await fetch(url)).arrayBuffer());
    return { size: bytes.length, head: String.fromCharCode(...bytes.slice(0, 5)) };
  }, href);
  assert(pdf.size > 1000 && pdf.head === '%PDF-', `a non-empty PDF document (${pdf.size} bytes, starting with ${JSON.stringify(pdf.head)})`);
  await visible(dialog.getByLabel('Aperçu du PDF'), 'the PDF shown in the dialog');
  await screenshot('invoice-pdf');
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
});

test('credits one line of the invoice and validates the credit note', async ({ page, base, session, screenshot }) => {
  await page.getByRole('button', { name: 'Créer un avoir' }).click();
  const dialog = page.getByRole('dialog', { name: /^Avoir sur la facture / });
  await dialog.locator('label', { hasText: 'Par ligne et quantité' }).click();
  await dialog.getByRole('textbox', { name: 'Quantité à créditer, ligne 1' }).fill('1');
  await screenshot('credit-note-dialog');
  await dialog.getByRole('button', { name: "Créer l'avoir" }).click();
  await visible(page.getByRole('heading', { level: 1, name: 'Avoir (brouillon)' }), 'the credit note draft');
  const id = await documentId(page, 'invoices');
  assert(id !== invoiceId, 'a new document');
  const note = await api<{ kind: string; creditedInvoiceId: string | null; lines: { quantity: string; unitPrice: string }[] }>(base, 'GET', `/api/v1/invoices/${id}`, undefined, session.token);
  assertEqual(note.kind, 'credit_note', 'kind');
  assertEqual(note.creditedInvoiceId, invoiceId, 'the credited invoice');
  assertEqual(note.lines.filter((l) => Number(l.quantity) > 0).length, 1, 'one line credited');
  assertEqual(await page.getByLabel('Quantité, ligne 1').inputValue(), '1', 'the credited quantity in the editor');
  await validateWithConfirmation(page, "Valider l'avoir");
  await visible(page.getByRole('heading', { level: 1, name: /^Avoir [^\s(]+$/ }), 'the numbered credit note');
  await screenshot('credit-note-validated');
});

test('the document map links the quote, the order and the invoice', async ({ page, screenshot }) => {
  const map = page.getByRole('navigation', { name: 'Chaîne des documents' });
  await visible(map, 'document map');
  await visible(map.getByText('Devis'), 'the quote in the chain');
  await visible(map.getByText('Commande'), 'the order in the chain');
  await screenshot('document-map');
  await map.getByRole('link').first().click();
  await visible(page.getByRole('heading', { level: 1, name: /^Devis [^\s(]+$/ }), 'the quote opened from the map');
  await visible(page.getByText('Transformé', { exact: true }), 'the converted quote is done');
});

test('numbering: the invoice series is locked; the sealed journal verifies', async ({ page, screenshot }) => {
  await page.getByRole('link', { name: 'Numérotation', exact: true }).click();
  const sequences = page.getByRole('table', { name: 'Séries de numérotation' });
  await visible(sequences.getByRole('row').filter({ has: page.getByRole('cell', { name: 'Factures', exact: true }) }).filter({ hasText: 'Verrouillée' }), 'the invoice series is locked once used');
  await screenshot('numbering');
  await page.getByRole('link', { name: 'Clôtures', exact: true }).click();
  await page.getByRole('button', { name: 'Vérifier maintenant' }).click();
  await visible(page.getByRole('status').filter({ hasText: 'Journal intègre' }), 'the verification result');
  await screenshot('ledger-verified');
});

test('closes the previous month and downloads its archive', async ({ page, screenshot }) => {
  await page.getByRole('button', { name: 'Clôturer une période' }).click();
  const dialog = page.getByRole('dialog', { name: 'Clôturer une période' });
  const now = new Date();
  const previous = new Date(now.getFullYear(), now.getMonth() - 1, 1);
  const period = `${previous.getFullYear()}-${String(previous.getMonth() + 1).padStart(2, '0')}`;
  assertEqual(await dialog.getByLabel('Période').inputValue(), period, 'the previous month is proposed');
  await dialog.getByRole('button', { name: `Clôturer ${period}` }).click();
  const closings = page.getByRole('table', { name: 'Clôtures' });
  await visible(closings.getByRole('row').filter({ hasText: period }), 'the closing in the list');
  await screenshot('closings');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: `Télécharger l'archive de ${period}` }).click();
  const file = await download;
  assertEqual(file.suggestedFilename(), `closing-month-${period}.zip`, 'archive file name');
  const path = await file.path();
  const bytes = readFileSync(path);
  assert(bytes.length > 100 && bytes.subarray(0, 2).toString() === 'PK', `a zip archive (${bytes.length} bytes)`);
});

test('lists: status chips, totals and filters; VAT rates and billing settings', async ({ page, screenshot }) => {
  await page.getByRole('link', { name: 'Devis', exact: true }).click();
  const quotes = page.getByRole('table', { name: 'Liste des devis' });
  await visible(quotes.getByRole('row').filter({ hasText: CUSTOMER }).filter({ hasText: 'Transformé' }).filter({ hasText: EXPECTED.gross }), 'the quote, converted, with its gross total');
  await page.getByRole('link', { name: 'Factures', exact: true }).click();
  const invoices = page.getByRole('table', { name: 'Liste des factures' });
  await visible(invoices.getByRole('row').filter({ hasText: 'Émise' }).filter({ hasText: EXPECTED.gross }), 'the issued invoice');
  await page.getByRole('combobox', { name: 'Statut' }).click();
  await page.getByRole('option', { name: 'Brouillon' }).click();
  await visible(page.getByText('Aucun résultat'), 'no draft invoice left');
  assertEqual(new URL(page.url()).searchParams.get('status'), 'draft', 'the filter is kept in the URL');
  await screenshot('invoice-list-filtered');
  await page.getByRole('link', { name: 'Taux de TVA', exact: true }).click();
  await visible(page.getByRole('table', { name: 'Taux de TVA de la société' }).getByRole('row').filter({ hasText: '5,5 %' }), 'the French VAT rates');
  await page.getByRole('link', { name: 'Facturation', exact: true }).click();
  await visible(page.getByRole('textbox', { name: 'Pénalités de retard' }), 'billing settings');
  assert((await page.getByRole('textbox', { name: 'Escompte pour paiement anticipé' }).inputValue()).length > 0, 'the early-payment wording has a default');
  await screenshot('billing-settings');
});

test('a journal entry rewritten in the database is reported with its reason', async ({ page, databaseUrl, screenshot }) => {
  // As an attacker with database access: the superuser, triggers off, one sealed entry edited.
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    await db.query(`SET session_replication_role = replica`);
    const changed = await db.query(`UPDATE ledger_entries SET payload = payload || '{"tampered": true}'::jsonb WHERE record_id = $1 AND kind = 'invoice' RETURNING seq`, [invoiceId]);
    assertEqual(changed.rowCount, 1, 'the invoice entry was rewritten');
  } finally {
    await db.end();
  }
  await page.getByRole('link', { name: 'Clôtures', exact: true }).click();
  await page.getByRole('button', { name: 'Vérifier maintenant' }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'Altération détectée' });
  await visible(alert, 'the broken chain is reported');
  await visible(alert.getByText(/Première écriture rompue : n° \d+ \(facture, enregistrement /), 'the first broken entry, named');
  await visible(alert.getByText(/Motif :/), 'its reason');
  await screenshot('ledger-tampered');
});

export const salesJourney: Journey = {
  name: 'sales',
  companyName: 'Maison Lemoine Services SAS',
  setup: async (base, session) => {
    const products = [
      { reference: 'JARD-H', name: 'Entretien de jardin', type: 'service', unit: 'hour', unitPrice: '35.0000', vatRate: '20.00' },
      { reference: 'MEN-H', name: 'Heure de ménage', type: 'service', unit: 'hour', unitPrice: '24.5000', vatRate: '10.00' },
    ];
    for (const product of products) await api(base, 'POST', '/api/v1/products', product, session.token);
  },
  steps,
};

if (require.main === module) runMain([salesJourney]);
