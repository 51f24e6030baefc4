import { checkFec } from '@comptoir/accounting';
import { Dec } from '@comptoir/platform/kernel';
import { addDaysTo, createCustomer, draftInvoice, parisToday } from '../billing/billing-fixtures';
import { rawBody } from '../support/raw-body';
import { signupOrganization, SignedUpOrg } from '../support/fixtures';
import { createTestApp, TestApp } from '../support/test-app';

/**
 * The FEC export through the API on a real database: exact lines for a small year (invoice paid by
 * transfer, invoice cancelled by a credit note, VAT on receipts moved when paid, lettering), and a
 * busier year (deposit invoice and its deduction, partial and cancelled payments, a refund, VAT on
 * debits) that the FEC rule checker accepts; settings validation; bad input refused.
 */
describe('FEC export of the sales and bank journals', () => {
  let t: TestApp;
  const today = parisToday();
  const year = Number(today.slice(0, 4));
  const day = today.replaceAll('-', '');

  beforeAll(async () => {
    t = await createTestApp();
  }, 60_000);

  afterAll(async () => {
    await t?.close();
  });

  const api = () => t.http();
  const post = (org: SignedUpOrg, path: string, body: object = {}) => api().post(path).set(org.auth).send(body);

  async function validatedInvoice(org: SignedUpOrg, customerId: string, amount: string): Promise<{ id: string; number: string }> {
    const draft = await draftInvoice(api, org.auth, customerId, { amount });
    const res = await post(org, `/api/v1/invoices/${draft.id}/validate`).expect(200);
    return { id: draft.id, number: res.body.number };
  }

  async function exportFec(org: SignedUpOrg, fiscalYear = year): Promise<{ text: string; fileName: string }> {
    const res = await api().get(`/api/v1/exports/fec?fiscalYear=${fiscalYear}`).set(org.auth).buffer(true).parse(rawBody).expect(200);
    expect(res.headers['content-type']).toBe('text/plain; charset=iso-8859-15');
    const fileName = /filename="([^"]+)"/.exec(res.headers['content-disposition'] as string)![1]!;
    return { text: new TextDecoder('iso-8859-15').decode(res.body as Buffer), fileName };
  }

  async function sirenOf(org: SignedUpOrg): Promise<string> {
    return (await t.sql<{ siren: string }>(`SELECT siren FROM companies WHERE id = $1`, [org.companyId]))[0]!.siren;
  }

  it('writes the exact lines of a small year with VAT on receipts and lettering of settled invoices', async () => {
    const org = await signupOrganization(api(), 'Compta');
    const customer = await createCustomer(api, org.auth, 'Dupont SARL');
    const aux = `C${customer.id.replaceAll('-', '').slice(-12).toUpperCase()}`;
    const a = await validatedInvoice(org, customer.id, '100.00');
    await post(org, '/api/v1/payments', { accountId: customer.id, date: today, method: 'transfer', amount: '120.00', reference: 'VIR-1', allocations: [{ invoiceId: a.id, amount: '120.00' }] }).expect(201);
    const b = await validatedInvoice(org, customer.id, '50.00');
    const draftCredit = await post(org, `/api/v1/invoices/${b.id}/credit-note`).expect(201);
    const credit = (await post(org, `/api/v1/invoices/${draftCredit.body.id}/validate`).expect(200)).body as { number: string };

    const { text, fileName } = await exportFec(org);
    expect(fileName).toBe(`${await sirenOf(org)}FEC${year}1231.txt`);
    const line = (journal: string, num: string, account: string, label: string, auxiliary: boolean, piece: string, what: string, debit: string, credit: string, letter = '') =>
      [journal, journal === 'VT' ? 'Ventes' : 'Banque', num, day, account, label, auxiliary ? aux : '', auxiliary ? 'Dupont SARL' : '', piece, day, what, debit, credit, letter, letter ? day : '', day, '', ''].join('|');
    const invoiceA = `Facture ${a.number} Dupont SARL`;
    const invoiceB = `Facture ${b.number} Dupont SARL`;
    const creditNote = `Avoir ${credit.number} Dupont SARL`;
    const payment = `Règlement ${a.number} Dupont SARL`;
    expect(text.split('\r\n')).toEqual([
      'JournalCode|JournalLib|EcritureNum|EcritureDate|CompteNum|CompteLib|CompAuxNum|CompAuxLib|PieceRef|PieceDate|EcritureLib|Debit|Credit|EcritureLet|DateLet|ValidDate|Montantdevise|Idevise',
      line('VT', 'VT000001', '411000', 'Clients', true, a.number, invoiceA, '120,00', '0,00', 'AA'),
      line('VT', 'VT000001', '706000', 'Prestations de services', false, a.number, invoiceA, '0,00', '100,00'),
      line('VT', 'VT000001', '445740', 'TVA collectée en attente', false, a.number, invoiceA, '0,00', '20,00'),
      line('VT', 'VT000002', '411000', 'Clients', true, b.number, invoiceB, '60,00', '0,00', 'AB'),
      line('VT', 'VT000002', '706000', 'Prestations de services', false, b.number, invoiceB, '0,00', '50,00'),
      line('VT', 'VT000002', '445740', 'TVA collectée en attente', false, b.number, invoiceB, '0,00', '10,00'),
      line('VT', 'VT000003', '411000', 'Clients', true, credit.number, creditNote, '0,00', '60,00', 'AB'),
      line('VT', 'VT000003', '706000', 'Prestations de services', false, credit.number, creditNote, '50,00', '0,00'),
      line('VT', 'VT000003', '445740', 'TVA collectée en attente', false, credit.number, creditNote, '10,00', '0,00'),
      line('BQ', 'BQ000001', '512000', 'Banque', false, 'VIR-1', payment, '120,00', '0,00'),
      line('BQ', 'BQ000001', '411000', 'Clients', true, 'VIR-1', payment, '0,00', '120,00', 'AA'),
      line('BQ', 'BQ000001', '445740', 'TVA collectée en attente', false, 'VIR-1', payment, '20,00', '0,00'),
      line('BQ', 'BQ000001', '445710', 'TVA collectée', false, 'VIR-1', payment, '0,00', '20,00'),
      '',
    ]);
    expect(checkFec(text, { fileName, fiscalYear: { start: `${year}-01-01`, end: `${year}-12-31` } })).toEqual([]);

    const empty = await exportFec(org, year - 1);
    expect(empty.text.split('\r\n')).toHaveLength(2);
  });

  it('exports a busier year on debits that the FEC checker accepts: deposits through 4191, partial, cancelled and refunded payments', async () => {
    const org = await signupOrganization(api(), 'Menuiserie');
    const customer = await createCustomer(api, org.auth, 'Leroy Fils');
    const settings = (await api().get('/api/v1/accounting/settings').set(org.auth).expect(200)).body;
    expect(settings).toMatchObject({ vatRegime: 'receipts', salesJournal: { code: 'VT' }, bankJournal: { code: 'BQ' }, customersAccount: '411000', updatedAt: null });
    await api().put('/api/v1/accounting/settings').set(org.auth).send({ ...settings, vatRegime: 'debits', bankAccount: '512100', updatedAt: undefined }).expect(200);

    // An order of 600 € at 20 % and 400 € at 5.5 %, a deposit of 228.40 paid, the final invoice paid in full.
    const order = await post(org, '/api/v1/orders', {
      accountId: customer.id,
      lines: [
        { description: 'Escalier chêne', quantity: '1', unitPrice: '600.00', vatRate: '20.00' },
        { description: 'Travaux de rénovation', quantity: '1', unitPrice: '400.00', vatRate: '5.50' },
      ],
    }).expect(201);
    await post(org, `/api/v1/orders/${order.body.id}/validate`).expect(200);
    await post(org, `/api/v1/orders/${order.body.id}/deposit-payments`, { date: today, method: 'transfer', amount: '228.40', reference: 'VIR LEROY' }).expect(201);
    const final = (await post(org, `/api/v1/orders/${order.body.id}/convert`, { to: 'invoice' }).expect(201)).body;
    const validatedFinal = (await post(org, `/api/v1/invoices/${final.id}/validate`).expect(200)).body;
    await post(org, '/api/v1/payments', { accountId: customer.id, date: today, method: 'transfer', amount: validatedFinal.totals.due, allocations: [{ invoiceId: final.id, amount: validatedFinal.totals.due }] }).expect(201);

    // Another invoice: a partial payment, a payment cancelled, an overpayment refunded from a credit note.
    const other = await validatedInvoice(org, customer.id, '300.00');
    await post(org, '/api/v1/payments', { accountId: customer.id, date: today, method: 'cheque', amount: '100.00', allocations: [{ invoiceId: other.id, amount: '100.00' }] }).expect(201);
    const bounced = await post(org, '/api/v1/payments', { accountId: customer.id, date: today, method: 'cheque', amount: '50.00', allocations: [{ invoiceId: other.id, amount: '50.00' }] }).expect(201);
    await post(org, `/api/v1/payments/${bounced.body.id}/cancel`, { date: today, reason: 'Chèque impayé' }).expect(200);
    const paidInvoice = await validatedInvoice(org, customer.id, '10.00');
    await post(org, '/api/v1/payments', { accountId: customer.id, date: today, method: 'cash', amount: '12.00', allocations: [{ invoiceId: paidInvoice.id, amount: '12.00' }] }).expect(201);
    const draftCredit = await post(org, `/api/v1/invoices/${paidInvoice.id}/credit-note`).expect(201);
    await post(org, `/api/v1/invoices/${draftCredit.body.id}/validate`).expect(200);
    await post(org, '/api/v1/refunds', { accountId: customer.id, date: today, method: 'transfer', amount: '12.00', from: [{ creditNoteId: draftCredit.body.id, amount: '12.00' }] }).expect(201);

    const { text, fileName } = await exportFec(org);
    expect(checkFec(text, { fileName, fiscalYear: { start: `${year}-01-01`, end: `${year}-12-31` } })).toEqual([]);
    const rows = text.trimEnd().split('\r\n').slice(1).map((r) => r.split('|'));
    const balance = (account: string) => rows.filter((r) => r[4] === account).reduce((t, r) => t.plus(r[11]!.replace(',', '.')).minus(r[12]!.replace(',', '.')), new Dec(0)).toFixed(2);
    // The deposit's net (120 € at 20 %, 80 € at 5.5 %) credited to 4191, then debited back by the final invoice's deductions.
    expect(rows.filter((r) => r[4] === '419100').map((r) => [r[0], r[11], r[12]])).toEqual([
      ['VT', '0,00', '120,00'],
      ['VT', '0,00', '80,00'],
      ['VT', '120,00', '0,00'],
      ['VT', '80,00', '0,00'],
    ]);
    expect(rows.some((r) => r[4] === '445740')).toBe(false); // VAT on debits: nothing pending
    // In: the deposit, the final invoice, 100 € on the other, 12 € cash; the bounced cheque and the refund net out.
    expect(balance('512100')).toBe(new Dec('340.40').plus(validatedFinal.totals.due).minus('12.00').toFixed(2));
    expect(rows.filter((r) => r[0] === 'BQ').every((r) => r[1] === 'Banque')).toBe(true);
  });

  it('on receipts, moves the VAT when paid, back when the payment is cancelled, and when customer credit is applied later', async () => {
    const org = await signupOrganization(api(), 'Encaissements');
    const customer = await createCustomer(api, org.auth, 'Martin');
    const yesterday = addDaysTo(today, -1);
    const credit = await post(org, '/api/v1/payments', { accountId: customer.id, date: yesterday, method: 'transfer', amount: '200.00', reference: 'VIR-AVANCE', allocations: [] }).expect(201);
    const invoice = await validatedInvoice(org, customer.id, '100.00');
    const bounced = await post(org, '/api/v1/payments', { accountId: customer.id, date: today, method: 'cheque', amount: '50.00', reference: 'CHQ-1', allocations: [{ invoiceId: invoice.id, amount: '50.00' }] }).expect(201);
    await post(org, `/api/v1/payments/${bounced.body.id}/cancel`, { date: today, reason: 'Chèque impayé' }).expect(200);
    await post(org, `/api/v1/payments/${credit.body.id}/allocations`, { allocations: [{ invoiceId: invoice.id, amount: '120.00' }] }).expect(201);

    const years = [...new Set([Number(yesterday.slice(0, 4)), year])];
    const rows = (await Promise.all(years.map((y) => exportFec(org, y))))
      .flatMap(({ text, fileName }) => {
        const y = Number(fileName.slice(12, 16));
        expect(checkFec(text, { fileName, fiscalYear: { start: `${y}-01-01`, end: `${y}-12-31` } })).toEqual([]);
        return text.trimEnd().split('\r\n').slice(1);
      })
      .map((r) => r.split('|'))
      .filter((r) => r[0] === 'BQ')
      .map((r) => [r[8], r[4], r[11], r[12], r[13]].join(' '));
    expect(rows).toEqual([
      'VIR-AVANCE 512000 200,00 0,00 ', // the advance: the part that later settles the invoice carries its letter
      'VIR-AVANCE 411000 0,00 120,00 AA',
      'VIR-AVANCE 411000 0,00 80,00 ',
      'VIR-AVANCE 445740 20,00 0,00 ', // applied today to the invoice: its whole VAT becomes due
      'VIR-AVANCE 445710 0,00 20,00 ',
      'CHQ-1 512000 50,00 0,00 ',
      'CHQ-1 411000 0,00 50,00 ',
      'CHQ-1 445740 8,33 0,00 ', // 20 × 50 / 120
      'CHQ-1 445710 0,00 8,33 ',
      'CHQ-1 411000 50,00 0,00 ', // the bounced cheque reversed, its VAT pending again
      'CHQ-1 512000 0,00 50,00 ',
      'CHQ-1 445740 0,00 8,33 ',
      'CHQ-1 445710 8,33 0,00 ',
    ]);
  });

  it('validates the settings, naming the fields, and keeps the tenant apart', async () => {
    const org = await signupOrganization(api(), 'Reglages');
    const settings = (await api().get('/api/v1/accounting/settings').set(org.auth).expect(200)).body;
    const { updatedAt: _ignored, ...body } = settings;
    const bad = await api()
      .put('/api/v1/accounting/settings')
      .set(org.auth)
      .send({ ...body, vatRegime: 'cash', customersAccount: 'CLI411', salesJournal: { code: 'vt', label: '' }, rateAccounts: [{ rate: '20.00', vatCollected: '44571x' }] })
      .expect(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['customersAccount', 'rateAccounts[0].vatCollected', 'salesJournal.code', 'salesJournal.label', 'vatRegime']);
    const clash = await api()
      .put('/api/v1/accounting/settings')
      .set(org.auth)
      .send({ ...body, vatPendingAccount: body.vatCollectedAccount, bankJournal: { code: 'VT', label: 'Banque' }, bankAccounts: [{ bankAccountId: '0190c1a2-3b4c-7d5e-8f60-718293a4b5c6', account: '512100' }] })
      .expect(400);
    expect(clash.body.errors.map((e: { path: string }) => e.path)).toEqual(['bankJournal.code', 'vatPendingAccount', 'bankAccounts[0].bankAccountId']);
    expect(await t.sql(`SELECT 1 FROM accounting_settings WHERE company_id = $1`, [org.companyId])).toEqual([]);

    const saved = await api().put('/api/v1/accounting/settings').set(org.auth).send({ ...body, rateAccounts: [{ rate: '5.5', salesServices: '706055' }] }).expect(200);
    expect(saved.body.rateAccounts).toEqual([{ rate: '5.50', salesGoods: null, salesServices: '706055', vatCollected: null }]);
    const other = await signupOrganization(api(), 'Voisin');
    expect((await api().get('/api/v1/accounting/settings').set(other.auth).expect(200)).body.rateAccounts).toEqual([]);
  });

  it('refuses a fiscal year that is not a year, and requires authentication', async () => {
    const org = await signupOrganization(api(), 'Annee');
    const res = await api().get('/api/v1/exports/fec?fiscalYear=deux-mille').set(org.auth).expect(400);
    expect(new Set(res.body.errors.map((e: { path: string }) => e.path))).toEqual(new Set(['fiscalYear']));
    await api().get('/api/v1/exports/fec').set(org.auth).expect(400);
    await api().get(`/api/v1/exports/fec?fiscalYear=${year}`).expect(401);
  });
});
