import { seedDepositsDemo } from '@comptoir/billing';
import { Dec, TenantContext } from '@comptoir/platform/kernel';
import { pdfPagesText } from '@comptoir/platform/pdf';
import { rawBody } from '../support/raw-body';
import { createTestApp, TestApp } from '../support/test-app';
import { randomSiren, signupOrganization, SignedUpOrg } from '../support/fixtures';
import { createCustomer, parisToday } from '../billing/billing-fixtures';

type Line = { description: string; quantity: string; unitPrice: string; vatRate: string; net: string; depositInvoiceId: string | null };
type VatGroup = { rate: string; base: string; amount: string };

/**
 * Deposit invoices through the API: an order of 1,000 € net at 20 % and 5.5 %, a 30 % deposit invoice
 * split per VAT rate, a deposit payment, the final invoice deducting both per rate, its PDF.
 */
describe('Deposits: deposit invoices and payments on orders and quotes, deducted by the final invoice', () => {
  let t: TestApp;
  let org: SignedUpOrg;
  let customerId: string;
  const today = parisToday();

  beforeAll(async () => {
    t = await createTestApp();
    org = await signupOrganization(t.http(), 'Acomptes');
    customerId = (await createCustomer(() => t.http(), org.auth, 'Menuiserie Leroy')).id;
  }, 60_000);

  afterAll(async () => {
    await t?.close();
  });

  const post = (path: string, body: object = {}, auth = org.auth) => t.http().post(path).set(auth).send(body);
  const get = (path: string, auth = org.auth) => t.http().get(path).set(auth);

  /** A validated order (or quote) of 600 € net at 20 % and 400 € net at 5.5 %: 1,142 € gross. */
  async function validated(type: 'orders' | 'quotes', extra: object = {}, auth = org.auth, accountId = customerId): Promise<{ id: string; number: string }> {
    const draft = await post(
      `/api/v1/${type}`,
      {
        accountId,
        lines: [
          { description: 'Escalier chêne', quantity: '1', unitPrice: '600.00', vatRate: '20.00' },
          { description: 'Travaux de rénovation', quantity: '1', unitPrice: '400.00', vatRate: '5.50' },
        ],
        ...extra,
      },
      auth,
    ).expect(201);
    expect(draft.body.totals).toMatchObject({ net: '1000.00', vatTotal: '142.00', gross: '1142.00' });
    const done = await post(`/api/v1/${type}/${draft.body.id}/validate`, {}, auth).expect(200);
    return { id: done.body.id, number: done.body.number };
  }

  const perRate = (vat: VatGroup[]) => Object.fromEntries(vat.map((g) => [g.rate, [g.base, g.amount]]));

  it('issues a 30 % deposit invoice, validated and sealed, with exact lines per VAT rate, linked to the order', async () => {
    const order = await validated('orders');
    const res = await post(`/api/v1/orders/${order.id}/deposit-invoices`, { percent: '30' }).expect(201);
    const deposit = res.body;
    expect(deposit).toMatchObject({ type: 'invoice', kind: 'deposit', status: 'validated', date: today, paymentStatus: 'unpaid' });
    expect(deposit.number).toMatch(/\d/);
    expect(deposit.lines.map((l: Line) => [l.quantity, l.unitPrice, l.vatRate, l.net])).toEqual([
      ['1.0000', '180.0000', '20.00', '180.00'],
      ['1.0000', '120.0000', '5.50', '120.00'],
    ]);
    expect(deposit.lines[0].description).toContain(order.number);
    expect(deposit.totals).toMatchObject({ net: '300.00', vatTotal: '42.60', gross: '342.60', due: '342.60' });
    const entries = (await get('/api/v1/ledger/entries').expect(200)).body.data as { kind: string; recordId: string }[];
    expect(entries.filter((e) => e.recordId === deposit.id).map((e) => e.kind)).toEqual(['deposit']);
    const map = (await get(`/api/v1/documents/${order.id}/map`).expect(200)).body;
    expect(map.edges).toEqual(expect.arrayContaining([{ parentId: order.id, childId: deposit.id, relation: 'deposit' }]));
    // The order stays open: more deposits may follow, and it is still to be invoiced.
    expect((await get(`/api/v1/orders/${order.id}`).expect(200)).body.status).toBe('validated');
  });

  it('records a deposit payment: a deposit invoice for the amount received, paid by a payment allocated to it; the final invoice deducts every deposit per rate', async () => {
    const order = await validated('orders');
    const first = (await post(`/api/v1/orders/${order.id}/deposit-invoices`, { percent: '30' }).expect(201)).body;
    const paid = await post(`/api/v1/orders/${order.id}/deposit-payments`, { date: today, method: 'transfer', amount: '228.40', reference: 'VIR LEROY' }).expect(201);
    const second = paid.body.invoice;
    expect(second).toMatchObject({ kind: 'deposit', status: 'validated', paymentStatus: 'paid' });
    expect(second.totals.gross).toBe('228.40');
    expect(second.lines.map((l: Line) => [l.vatRate, l.net])).toEqual([
      ['20.00', '120.00'],
      ['5.50', '80.00'],
    ]);
    const payment = (await get(`/api/v1/payments/${paid.body.paymentId}`).expect(200)).body;
    expect(payment).toMatchObject({ amount: '228.40', method: 'transfer' });
    expect((await get(`/api/v1/invoices/${second.id}`).expect(200)).body.paymentStatus).toBe('paid');

    // Nothing more than what is left: 1,142.00 − 342.60 − 228.40 = 571.00.
    const tooMuch = await post(`/api/v1/orders/${order.id}/deposit-invoices`, { amount: '571.01' }).expect(422);
    expect(tooMuch.body).toMatchObject({ code: 'deposit_exceeds_remaining', errors: [{ path: 'amount', message: expect.stringContaining('571.00') }] });
    await post(`/api/v1/orders/${order.id}/deposit-payments`, { date: today, method: 'cheque', amount: '600.00' }).expect(422);

    const final = (await post(`/api/v1/orders/${order.id}/convert`, { to: 'invoice' }).expect(201)).body;
    const deductions = (final.lines as Line[]).filter((l) => l.depositInvoiceId);
    expect(deductions.map((l) => [l.depositInvoiceId, l.quantity, l.unitPrice, l.vatRate, l.net])).toEqual([
      [first.id, '-1.0000', '180.0000', '20.00', '-180.00'],
      [first.id, '-1.0000', '120.0000', '5.50', '-120.00'],
      [second.id, '-1.0000', '120.0000', '20.00', '-120.00'],
      [second.id, '-1.0000', '80.0000', '5.50', '-80.00'],
    ]);
    expect(deductions[0]!.description).toBe(`Acompte n° ${first.number} du ${today.split('-').reverse().join('/')}`);
    expect(final.totals).toMatchObject({ net: '500.00', deposits: '571.00', gross: '571.00', due: '571.00' });
    expect(perRate(final.totals.vat)).toEqual({ '20.00': ['300.00', '60.00'], '5.50': ['200.00', '11.00'] });

    const validatedFinal = (await post(`/api/v1/invoices/${final.id}/validate`).expect(200)).body;
    // Final + deposits = the order, per rate and in total: the deposits' VAT is not reported twice.
    const all = [validatedFinal, first, second];
    expect(all.reduce((acc, d) => acc.plus(d.totals.gross), new Dec(0)).toFixed(2)).toBe('1142.00');
    expect(all.reduce((acc, d) => acc.plus(d.totals.vatTotal), new Dec(0)).toFixed(2)).toBe('142.00');
    for (const [rate, vat] of [['20.00', '120.00'], ['5.50', '22.00']] as const) {
      const sum = all.reduce((acc, d) => acc.plus((d.totals.vat as VatGroup[]).find((g) => g.rate === rate)?.amount ?? '0'), new Dec(0));
      expect(sum.toFixed(2)).toBe(vat);
    }

    const pdf = await t.http().get(`/api/v1/invoices/${final.id}/pdf`).set(org.auth).buffer(true).parse(rawBody).expect(200);
    const text = (await pdfPagesText(pdf.body as Buffer)).join('\n');
    expect(text).toContain(`Acompte n° ${first.number}`);
    expect(text).toContain(`Acompte n° ${second.number}`);
    expect(text).toContain('Acomptes déduits');
    expect((await get('/api/v1/ledger/verify').expect(200)).body.ok).toBe(true);

    // A full credit note of the final invoice cancels the deductions too: it credits exactly the final invoice.
    const credit = (await post(`/api/v1/invoices/${final.id}/credit-note`, {}).expect(201)).body;
    expect(credit.totals.gross).toBe('571.00');
    expect((credit.lines as Line[]).filter((l) => l.depositInvoiceId).map((l) => l.quantity)).toEqual(['-1.0000', '-1.0000', '-1.0000', '-1.0000']);
    await post(`/api/v1/invoices/${credit.id}/validate`).expect(200);
  }, 60_000);

  it('deducts on the final invoice of an order the deposits paid on the quote it came from, once', async () => {
    const quote = await validated('quotes');
    const deposit = (await post(`/api/v1/quotes/${quote.id}/deposit-invoices`, { amount: '100.00' }).expect(201)).body;
    const order = (await post(`/api/v1/quotes/${quote.id}/convert`, { to: 'order' }).expect(201)).body;
    await post(`/api/v1/orders/${order.id}/validate`).expect(200);
    // The quote's deposit counts against the order too.
    await post(`/api/v1/orders/${order.id}/deposit-invoices`, { amount: '1042.01' }).expect(422);
    const final = (await post(`/api/v1/orders/${order.id}/convert`, { to: 'invoice' }).expect(201)).body;
    expect((final.lines as Line[]).filter((l) => l.depositInvoiceId === deposit.id)).toHaveLength(2);
    expect(final.totals.deposits).toBe(deposit.totals.gross);
    expect(new Dec(final.totals.gross).plus(deposit.totals.gross).toFixed(2)).toBe('1142.00');
    // Replacing the lines of the draft replaces what was sold; the deductions are the system's and stay.
    const patched = (await t.http().patch(`/api/v1/invoices/${final.id}`).set(org.auth).send({ lines: [{ description: 'Escalier chêne', quantity: '1', unitPrice: '700.00', vatRate: '20.00' }] }).expect(200)).body;
    expect((patched.lines as Line[]).map((l) => [l.description, l.depositInvoiceId])).toEqual([
      ['Escalier chêne', null],
      [expect.stringContaining(deposit.number), deposit.id],
      [expect.stringContaining(deposit.number), deposit.id],
    ]);
    expect(patched.totals.deposits).toBe(deposit.totals.gross);
    const copy = (await post(`/api/v1/invoices/${final.id}/duplicate`).expect(201)).body;
    expect((copy.lines as Line[]).map((l) => l.depositInvoiceId)).toEqual([null]);
    expect(copy.totals.deposits).toBe('0.00');
  }, 60_000);

  it('deducts the deposits of an order invoiced from its delivery note, once', async () => {
    const order = await validated('orders');
    const first = (await post(`/api/v1/orders/${order.id}/deposit-invoices`, { amount: '100.00' }).expect(201)).body;
    const second = (await post(`/api/v1/orders/${order.id}/deposit-invoices`, { amount: '700.00' }).expect(201)).body;
    const deliver = async () => {
      const note = (await post(`/api/v1/orders/${order.id}/convert`, { to: 'delivery_note' }).expect(201)).body;
      await post(`/api/v1/delivery-notes/${note.id}/validate`).expect(200);
      return (await post(`/api/v1/delivery-notes/${note.id}/convert`, { to: 'invoice' }).expect(201)).body;
    };
    const deducting = (invoice: { lines: Line[] }) => [...new Set(invoice.lines.filter((l) => l.depositInvoiceId).map((l) => l.depositInvoiceId))];
    const invoice = await deliver();
    expect(deducting(invoice)).toEqual([first.id, second.id]);
    // Each deposit invoice asks at most a cent less per VAT rate than requested (no net grosses to every cent).
    const deposited = new Dec(first.totals.gross).plus(second.totals.gross);
    expect(deposited.minus('800.00').abs().lte('0.04')).toBe(true);
    expect(invoice.totals.deposits).toBe(deposited.toFixed(2));
    // VAT is rounded per rate on each invoice: final + deposits = the order within a cent per rate.
    expect(new Dec(invoice.totals.gross).plus(deposited).minus('1142.00').abs().lte('0.02')).toBe(true);
    await post(`/api/v1/invoices/${invoice.id}/validate`).expect(200);
    // Another delivery of the same order invoiced: the deposits are already deducted.
    expect(deducting(await deliver())).toEqual([]);
  }, 60_000);

  it('turns a deposit installment of the payment terms into a deposit invoice', async () => {
    const order = await validated('orders', {
      paymentTerms: [
        { percent: '40', kind: 'deposit', rule: { type: 'on_order' } },
        { percent: '60', kind: 'payment', rule: { type: 'days', days: 30 } },
      ],
    });
    const deposit = (await post(`/api/v1/orders/${order.id}/deposit-invoices`, { installmentIndex: 0 }).expect(201)).body;
    expect(deposit.totals.gross).toBe('456.80');
    const notDeposit = await post(`/api/v1/orders/${order.id}/deposit-invoices`, { installmentIndex: 1 }).expect(422);
    expect(notDeposit.body).toMatchObject({ code: 'installment_not_deposit', errors: [{ path: 'installmentIndex' }] });
    const missing = await post(`/api/v1/orders/${order.id}/deposit-invoices`, { installmentIndex: 5 }).expect(400);
    expect(missing.body.errors).toEqual([expect.objectContaining({ path: 'installmentIndex' })]);
  });

  it('refuses drafts and cancelled sources, and bad bodies with the field at fault, writing nothing', async () => {
    const paymentCount = async () => (await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM payments WHERE company_id = $1`, [org.companyId]))[0]!.n;
    const paymentsBefore = await paymentCount();
    const draft = await post('/api/v1/orders', { accountId: customerId, lines: [{ description: 'Porte', quantity: '1', unitPrice: '100', vatRate: '20' }] }).expect(201);
    expect((await post(`/api/v1/orders/${draft.body.id}/deposit-invoices`, { percent: '10' }).expect(409)).body.code).toBe('deposit_source_not_open');
    const cancelled = await validated('orders');
    await post(`/api/v1/orders/${cancelled.id}/cancel`).expect(200);
    await post(`/api/v1/orders/${cancelled.id}/deposit-payments`, { date: today, method: 'cash', amount: '10.00' }).expect(409);

    const order = await validated('orders');
    const paths = async (body: object, status = 400) => ((await post(`/api/v1/orders/${order.id}/deposit-invoices`, body).expect(status)).body.errors as { path: string }[]).map((e) => e.path);
    expect(await paths({})).toEqual(['percent', 'amount', 'installmentIndex']);
    expect(await paths({ percent: '10', amount: '10.00' })).toEqual(['percent', 'amount']);
    expect(await paths({ percent: '0' })).toEqual(['percent']);
    expect(await paths({ percent: '120' })).toEqual(['percent']);
    expect(await paths({ amount: '-5' })).toEqual(['amount']);
    expect(await paths({ amount: '10.001' })).toEqual(['amount']);
    expect(await paths({ amount: '10.00', date: '2026-02-30' })).toEqual(['date']);
    const payment = (await post(`/api/v1/orders/${order.id}/deposit-payments`, { date: today, method: 'barter', amount: '0' }).expect(400)).body.errors.map((e: { path: string }) => e.path);
    expect(payment).toEqual(expect.arrayContaining(['method']));
    expect((await post(`/api/v1/orders/${order.id}/deposit-payments`, { date: today, method: 'cash', amount: '0.00' }).expect(400)).body.errors).toEqual([expect.objectContaining({ path: 'amount' })]);
    const map = (await get(`/api/v1/documents/${order.id}/map`).expect(200)).body;
    expect(map.nodes).toHaveLength(1);
    expect(await paymentCount()).toBe(paymentsBefore);
  });

  it('in a sandbox company, issues TEST deposit invoices that take no legal number and are never sealed', async () => {
    const company = await post('/api/v1/companies', { legalName: 'Atelier Bac à sable', siren: randomSiren(), isSandbox: true }).expect(201);
    const auth = { ...org.auth, 'Comptoir-Company': company.body.id };
    const customer = (await createCustomer(() => t.http(), auth)).id;
    const order = await validated('orders', {}, auth, customer);
    const deposit = (await post(`/api/v1/orders/${order.id}/deposit-invoices`, { percent: '10' }, auth).expect(201)).body;
    expect(deposit).toMatchObject({ testMode: true, status: 'validated' });
    expect(deposit.number).toMatch(/^TEST-/);
    expect((await get('/api/v1/ledger/entries', auth).expect(200)).body.data).toEqual([]);
  });

  it('keeps an early-payment discount on the order, carries it to the invoice, validates it and prints it instead of "pas d\'escompte"', async () => {
    const order = await validated('orders', { earlyPaymentDiscount: { percent: '2.00', withinDays: 10 } });
    expect((await get(`/api/v1/orders/${order.id}`).expect(200)).body.earlyPaymentDiscount).toEqual({ percent: '2.00', withinDays: 10 });
    const invoice = (await post(`/api/v1/orders/${order.id}/convert`, { to: 'invoice' }).expect(201)).body;
    expect(invoice.earlyPaymentDiscount).toEqual({ percent: '2.00', withinDays: 10 });
    const bad = async (earlyPaymentDiscount: unknown) => ((await t.http().patch(`/api/v1/invoices/${invoice.id}`).set(org.auth).send({ earlyPaymentDiscount }).expect(400)).body.errors as { path: string }[]).map((e) => e.path);
    expect(await bad({ percent: '0', withinDays: 10 })).toEqual(['earlyPaymentDiscount.percent']);
    expect(await bad({ percent: '2', withinDays: -1 })).toEqual(['earlyPaymentDiscount.withinDays']);
    expect(await bad({ percent: '2', withinDays: 1.5 })).toEqual(['earlyPaymentDiscount.withinDays']);
    await post(`/api/v1/invoices/${invoice.id}/validate`).expect(200);
    const pdf = await t.http().get(`/api/v1/invoices/${invoice.id}/pdf`).set(org.auth).buffer(true).parse(rawBody).expect(200);
    const text = (await pdfPagesText(pdf.body as Buffer)).join('\n').replace(/\s+/g, ' ');
    expect(text).toContain('Escompte de 2 % pour paiement sous 10 jours');
    expect(text).not.toContain("Pas d'escompte");
    const cleared = (await t.http().patch(`/api/v1/orders/${(await validated('orders')).id}`).set(org.auth).send({ earlyPaymentDiscount: null })).status;
    expect(cleared).toBe(409); // a validated order is locked like any legal field
  }, 60_000);

  it('seeds a demo order with a paid 30 % deposit and its final invoice deducting it, once', async () => {
    const demo = await signupOrganization(t.http(), 'Demo acomptes');
    const customer = (await createCustomer(() => t.http(), demo.auth, 'Cuisines Morel')).id;
    const ctx: TenantContext = { organizationId: demo.organizationId, companyId: demo.companyId, actor: { type: 'user', id: demo.userId, name: 'Demo' }, role: 'admin', scopes: ['*'] };
    const finalId = await seedDepositsDemo(t.app, ctx, customer);
    const final = (await get(`/api/v1/invoices/${finalId}`, demo.auth).expect(200)).body;
    const depositId = (final.lines as Line[]).find((l) => l.depositInvoiceId)!.depositInvoiceId!;
    const deposit = (await get(`/api/v1/invoices/${depositId}`, demo.auth).expect(200)).body;
    expect(deposit).toMatchObject({ kind: 'deposit', status: 'validated', paymentStatus: 'paid' });
    expect(final).toMatchObject({ status: 'validated', earlyPaymentDiscount: { percent: '2.00', withinDays: 10 } });
    expect(final.totals.deposits).toBe(deposit.totals.gross);
    expect(new Dec(final.totals.gross).plus(deposit.totals.gross).toFixed(2)).toBe('3639.60');
    expect((await get('/api/v1/ledger/verify', demo.auth).expect(200)).body.ok).toBe(true);
    expect(await seedDepositsDemo(t.app, ctx, customer)).toBeNull();
  }, 60_000);

  it("reads another company's order as absent", async () => {
    const other = await signupOrganization(t.http(), 'Voisin');
    const order = await validated('orders');
    await post(`/api/v1/orders/${order.id}/deposit-invoices`, { percent: '10' }, other.auth).expect(404);
    await post(`/api/v1/orders/${order.id}/deposit-payments`, { date: today, method: 'cash', amount: '10.00' }, other.auth).expect(404);
  });
});
