import ExcelJS from 'exceljs';
import { createTestApp, TestApp } from '../support/test-app';
import { signupOrganization, SignedUpOrg } from '../support/fixtures';
import { addDaysTo, createCustomer, parisToday } from '../billing/billing-fixtures';

/**
 * Receivables reports through the API: the aged balance today and at a past date (a payment dated
 * after it does not count), the drill-down, the exports read back, the indicators and the cash-flow
 * forecast, with the refusals (bad dates, bad format, another tenant's customer).
 */
describe('Receivables reports', () => {
  let t: TestApp;
  let org: SignedUpOrg;
  let alice: { id: string; name: string };
  let bob: { id: string; name: string };
  const today = parisToday();
  const day = (offset: number) => addDaysTo(today, offset);
  const bucket = (body: { buckets: { key: string; amount: string }[] }, key: string) => body.buckets.find((b) => b.key === key)!.amount;

  async function invoice(accountId: string, date: string, net: string, terms: { percent: string; days: number }[]): Promise<string> {
    const draft = await t
      .http()
      .post('/api/v1/invoices')
      .set(org.auth)
      .send({
        accountId,
        date,
        paymentTerms: terms.map((x) => ({ percent: x.percent, kind: 'payment', rule: { type: 'days', days: x.days } })),
        lines: [{ description: 'Prestation', quantity: '1', unitPrice: net, vatRate: '20.00' }],
      })
      .expect(201);
    await t.http().post(`/api/v1/invoices/${draft.body.id}/validate`).set(org.auth).expect(200);
    return draft.body.id as string;
  }

  async function pay(accountId: string, invoiceId: string, date: string, amount: string): Promise<void> {
    await t.http().post('/api/v1/payments').set(org.auth).send({ accountId, date, method: 'transfer', amount, allocations: [{ invoiceId, amount }] }).expect(201);
  }

  beforeAll(async () => {
    t = await createTestApp();
    org = await signupOrganization(t.http(), 'Encaissements');
    alice = await createCustomer(() => t.http(), org.auth, 'Alice Boulangerie');
    bob = await createCustomer(() => t.http(), org.auth, 'Bob Plomberie');
    // In date order (numbers follow dates): A 1200.00 in two installments due day −70 and day −40.
    const a = await invoice(alice.id, day(-100), '1000.00', [
      { percent: '50', days: 30 },
      { percent: '50', days: 30 },
    ]);
    const d = await invoice(bob.id, day(-60), '200.00', [{ percent: '100', days: 30 }]);
    await invoice(alice.id, day(-40), '500.00', [{ percent: '100', days: 30 }]);
    await invoice(alice.id, today, '100.00', [{ percent: '100', days: 30 }]);
    await pay(alice.id, a, day(-5), '700.00');
    await pay(bob.id, d, day(-20), '240.00');
  }, 120_000);

  afterAll(async () => {
    await t?.close();
  });

  it('ages open installments today: payments pay the oldest installment first', async () => {
    const res = await t.http().get('/api/v1/reports/aged-receivables').set(org.auth).expect(200);
    expect(res.body).toMatchObject({ asOf: today, currency: 'EUR', total: '1220.00' });
    expect(res.body.buckets).toEqual([
      { key: 'not_due', amount: '120.00' },
      { key: '1_30', amount: '600.00' },
      { key: '31_60', amount: '500.00' },
      { key: '61_90', amount: '0.00' },
      { key: 'over_90', amount: '0.00' },
    ]);
    expect(res.body.customers).toEqual([{ accountId: alice.id, name: 'Alice Boulangerie', total: '1220.00', buckets: res.body.buckets }]);
  });

  it('as of a past date, payments dated after it do not count and later invoices are not there', async () => {
    const res = await t.http().get(`/api/v1/reports/aged-receivables?asOf=${day(-21)}`).set(org.auth).expect(200);
    expect(res.body.total).toBe('2040.00');
    expect([bucket(res.body, 'not_due'), bucket(res.body, '1_30'), bucket(res.body, '31_60')]).toEqual(['600.00', '840.00', '600.00']);
    expect(res.body.customers.map((c: { name: string; total: string }) => [c.name, c.total])).toEqual([
      ['Alice Boulangerie', '1800.00'],
      ['Bob Plomberie', '240.00'],
    ]);
    // Bob's payment is dated day −20: as of that day it counts.
    const bobOnly = await t.http().get(`/api/v1/reports/aged-receivables?asOf=${day(-20)}&accountId=${bob.id}`).set(org.auth).expect(200);
    expect(bobOnly.body).toMatchObject({ total: '0.00', customers: [] });
  });

  it('drills down into a customer’s open installments, optionally one bucket', async () => {
    const all = await t.http().get(`/api/v1/reports/aged-receivables/invoices?accountId=${alice.id}`).set(org.auth).expect(200);
    expect(all.body.asOf).toBe(today);
    expect(all.body.data.map((r: { installment: number; dueDate: string; open: string; daysOverdue: number; bucket: string }) => [r.installment, r.dueDate, r.open, r.daysOverdue, r.bucket])).toEqual([
      [1, day(-40), '500.00', 40, '31_60'],
      [0, day(-10), '600.00', 10, '1_30'],
      [0, day(30), '120.00', -30, 'not_due'],
    ]);
    expect(all.body.data[0]).toMatchObject({ amount: '600.00', date: day(-100), number: expect.stringMatching(/^FA/) });
    const one = await t.http().get(`/api/v1/reports/aged-receivables/invoices?accountId=${alice.id}&bucket=1_30`).set(org.auth).expect(200);
    expect(one.body.data).toHaveLength(1);
  });

  it('exports CSV for French Excel and XLSX, both read back', async () => {
    const csv = await t.http().get('/api/v1/reports/aged-receivables/export?format=csv').set(org.auth).buffer(true).expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.headers['content-disposition']).toBe(`attachment; filename="balance-agee-${today}.csv"`);
    const text = csv.text;
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text.slice(1).split('\r\n')).toEqual([
      'Client;Non échu;1 à 30 jours;31 à 60 jours;61 à 90 jours;Plus de 90 jours;Total',
      'Alice Boulangerie;120,00;600,00;500,00;0,00;0,00;1220,00',
      'Total;120,00;600,00;500,00;0,00;0,00;1220,00',
      '',
    ]);
    const xlsx = await t
      .http()
      .get(`/api/v1/reports/aged-receivables/export?format=xlsx&asOf=${day(-21)}`)
      .set(org.auth)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(xlsx.body as Buffer).buffer);
    const rows = workbook.worksheets[0]!.getSheetValues().slice(1).map((r) => (r as unknown[]).slice(1).map(String));
    expect(rows.at(-1)).toEqual(['Total', '600', '840', '600', '0', '0', '2040']);
  });

  it('indicators: DSO over 90 days of sales, overdue, top-10 concentration, payment delay per customer', async () => {
    const res = await t.http().get('/api/v1/reports/receivables-indicators').set(org.auth).expect(200);
    // Sales of the 90 days: 240 + 600 + 120 = 960; DSO = 1220 ÷ 960 × 90 = 114.375.
    expect(res.body).toMatchObject({ asOf: today, receivables: '1220.00', overdue: '1100.00', sales90Days: '960.00', dsoDays: 114.4, top10Concentration: '100.00' });
    // Bob paid his installment due on day −30 on day −20.
    expect(res.body.paymentDelays).toEqual([{ accountId: bob.id, name: 'Bob Plomberie', averageDelayDays: 10, settledAmount: '240.00' }]);
  });

  it('cash-flow forecast: 12 months of receipts by due month, overdue apart', async () => {
    const res = await t.http().get('/api/v1/reports/cash-flow-forecast').set(org.auth).expect(200);
    expect(res.body).toMatchObject({ from: today, currency: 'EUR', overdue: { receipts: '1100.00', payments: '0.00' } });
    expect(res.body.months).toHaveLength(12);
    expect(res.body.months[0].month).toBe(today.slice(0, 7));
    const dueMonth = day(30).slice(0, 7);
    expect(res.body.months.find((m: { month: string }) => m.month === dueMonth)).toEqual({ month: dueMonth, receipts: '120.00', payments: '0.00', net: '120.00' });
    expect(res.body.sources).toEqual([expect.objectContaining({ key: 'invoices', direction: 'in', overdue: '1100.00' })]);
  });

  it('refuses bad input with field paths; another tenant’s customer selects nothing (no 404 to confirm it)', async () => {
    const badDate = await t.http().get('/api/v1/reports/aged-receivables?asOf=2026-02-30').set(org.auth).expect(400);
    expect(badDate.body.errors.map((e: { path: string }) => e.path)).toEqual(['asOf']);
    const badFormat = await t.http().get('/api/v1/reports/aged-receivables/export?format=pdf').set(org.auth).expect(400);
    expect(badFormat.body.errors.map((e: { path: string }) => e.path)).toEqual(['format']);
    const noAccount = await t.http().get('/api/v1/reports/aged-receivables/invoices?bucket=soon').set(org.auth).expect(400);
    expect(noAccount.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['accountId', 'bucket']);
    const badFrom = await t.http().get('/api/v1/reports/cash-flow-forecast?from=tomorrow').set(org.auth).expect(400);
    expect(badFrom.body.errors.map((e: { path: string }) => e.path)).toEqual(['from']);
    const other = await signupOrganization(t.http(), 'Autre');
    const filtered = await t.http().get(`/api/v1/reports/aged-receivables?accountId=${alice.id}`).set(other.auth).expect(200);
    expect(filtered.body).toMatchObject({ total: '0.00', customers: [] });
    const drill = await t.http().get(`/api/v1/reports/aged-receivables/invoices?accountId=${alice.id}`).set(other.auth).expect(200);
    expect(drill.body.data).toEqual([]);
    const empty = await t.http().get('/api/v1/reports/aged-receivables').set(other.auth).expect(200);
    expect(empty.body).toMatchObject({ total: '0.00', customers: [] });
  });
});
