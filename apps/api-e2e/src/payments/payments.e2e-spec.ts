import { PaymentService } from '@comptoir/billing';
import { TenantDb } from '@comptoir/platform/database';
import { TenantContext } from '@comptoir/platform/kernel';
import { addDaysTo, createCustomer, draftInvoice, parisToday } from '../billing/billing-fixtures';
import { signupOrganization, SignedUpOrg } from '../support/fixtures';
import { createTestApp, TestApp } from '../support/test-app';

/**
 * Payments through the API on a real database: partial and multi-invoice payments, customer credit
 * applied later, credit notes spent at validation and refunded, cancellations that re-open invoices
 * from their date on, refusals that name their field and write nothing, and concurrent payments that
 * cannot over-allocate.
 */
describe('Payments and the live balance of invoices', () => {
  let t: TestApp;
  let today: string;

  beforeAll(async () => {
    t = await createTestApp();
    today = parisToday();
  }, 60_000);

  afterAll(async () => {
    await t?.close();
  });

  const api = () => t.http();

  async function tenant(name: string): Promise<{ org: SignedUpOrg; customerId: string }> {
    const org = await signupOrganization(api(), name);
    return { org, customerId: (await createCustomer(api, org.auth)).id };
  }

  /** A validated invoice of `amount` net at 20 % (gross = amount × 1.2), dated `date`. */
  async function invoice(org: SignedUpOrg, customerId: string, amount = '100.00', date?: string): Promise<{ id: string; number: string; gross: string }> {
    const draft = await draftInvoice(api, org.auth, customerId, { amount, ...(date ? { date } : {}) });
    const res = await api().post(`/api/v1/invoices/${draft.id}/validate`).set(org.auth).expect(200);
    return { id: draft.id, number: res.body.number, gross: res.body.totals.gross };
  }

  const getInvoice = async (org: SignedUpOrg, id: string) => (await api().get(`/api/v1/invoices/${id}`).set(org.auth).expect(200)).body;
  const pay = (org: SignedUpOrg, body: Record<string, unknown>) => api().post('/api/v1/payments').set(org.auth).send(body);
  const counts = async (org: SignedUpOrg) =>
    (
      await t.sql<{ payments: number; allocations: number }>(
        `SELECT (SELECT count(*)::int FROM payments WHERE company_id = $1) AS payments, (SELECT count(*)::int FROM payment_allocations WHERE company_id = $1) AS allocations`,
        [org.companyId],
      )
    )[0]!;

  it('opens the balance at validation and shows a partial payment as partially_paid with the balance due', async () => {
    const { org, customerId } = await tenant('Partiel');
    const inv = await invoice(org, customerId, '100.00');
    expect(await getInvoice(org, inv.id)).toMatchObject({ paymentStatus: 'unpaid', balance: { paid: '0.00', credited: '0.00', due: '120.00' } });

    const res = await pay(org, { accountId: customerId, date: today, method: 'transfer', amount: '50', reference: 'VIR-1', allocations: [{ invoiceId: inv.id, amount: '50' }] }).expect(201);
    expect(res.body).toMatchObject({ direction: 'in', amount: '50.00', unallocated: '0.00', status: 'recorded', allocations: [{ targetId: inv.id, targetLabel: inv.number, amount: '50.00', date: today, reversesId: null }] });
    const after = await getInvoice(org, inv.id);
    expect(after).toMatchObject({ paymentStatus: 'partially_paid', balance: { paid: '50.00', credited: '0.00', due: '70.00' }, totals: { gross: '120.00', due: '120.00' } });

    const list = await api().get('/api/v1/invoices?paymentStatus=partially_paid').set(org.auth).expect(200);
    expect(list.body.data).toEqual([expect.objectContaining({ id: inv.id, paymentStatus: 'partially_paid', balance: { paid: '50.00', credited: '0.00', due: '70.00' } })]);
    expect((await api().get('/api/v1/invoices?paymentStatus=paid').set(org.auth).expect(200)).body.data).toEqual([]);
    const history = await api().get(`/api/v1/invoices/${inv.id}/payments`).set(org.auth).expect(200);
    expect(history.body.data).toEqual([expect.objectContaining({ sourceType: 'payment', sourceId: res.body.id, sourceLabel: 'transfer VIR-1', amount: '50.00' })]);

    const sealed = await t.sql<{ kind: string; record_type: string }>(`SELECT kind, record_type FROM ledger_entries WHERE company_id = $1 AND record_id = $2`, [org.companyId, res.body.id]);
    expect(sealed).toEqual([{ kind: 'payment', record_type: 'payment' }]);
    const events = await t.sql<{ name: string }>(`SELECT name FROM outbox_events WHERE aggregate_id = $1`, [res.body.id]);
    expect(events.map((e) => e.name)).toEqual(['billing.payment.recorded']);
  });

  it('settles two invoices with one payment, keeps the overpayment as credit and applies it later', async () => {
    const { org, customerId } = await tenant('Multiple');
    const a = await invoice(org, customerId, '100.00');
    const b = await invoice(org, customerId, '50.00');
    const c = await invoice(org, customerId, '25.00');
    const res = await pay(org, { accountId: customerId, date: today, method: 'cheque', amount: '250.00', allocations: [{ invoiceId: a.id, amount: '120.00' }, { invoiceId: b.id, amount: '60.00' }] }).expect(201);
    expect(res.body.unallocated).toBe('70.00');
    expect(await getInvoice(org, a.id)).toMatchObject({ paymentStatus: 'paid', balance: { due: '0.00' } });
    expect(await getInvoice(org, b.id)).toMatchObject({ paymentStatus: 'paid', balance: { due: '0.00' } });
    const settled = await t.sql<{ settled_on: string }>(`SELECT settled_on::text FROM sales_documents WHERE id = $1`, [a.id]);
    expect(settled[0]!.settled_on).toBe(today);

    const applied = await api().post(`/api/v1/payments/${res.body.id}/allocations`).set(org.auth).send({ allocations: [{ invoiceId: c.id, amount: '30.00' }] }).expect(201);
    expect(applied.body.unallocated).toBe('40.00');
    expect(applied.body.allocations).toHaveLength(3);
    expect(await getInvoice(org, c.id)).toMatchObject({ paymentStatus: 'paid', balance: { paid: '30.00', due: '0.00' } });

    const tooMuch = await api().post(`/api/v1/payments/${res.body.id}/allocations`).set(org.auth).send({ allocations: [{ invoiceId: a.id, amount: '1.00' }] }).expect(422);
    expect(tooMuch.body).toMatchObject({ code: 'allocation_exceeds_balance', errors: [{ path: 'allocations[0].amount', message: expect.stringContaining(a.number) }] });
    const before = await api().post(`/api/v1/payments/${res.body.id}/allocations`).set(org.auth).send({ date: addDaysTo(today, -1), allocations: [{ invoiceId: c.id, amount: '1.00' }] }).expect(422);
    expect(before.body).toMatchObject({ code: 'date_before_source', errors: [{ path: 'date' }] });
  });

  it('refuses allocations beyond the payment or a balance, naming each field, and writes nothing', async () => {
    const { org, customerId } = await tenant('Refus');
    const other = await createCustomer(api, org.auth, 'Autre client');
    const a = await invoice(org, customerId, '100.00');
    const foreign = await invoice(org, other.id, '10.00');
    const draft = await draftInvoice(api, org.auth, customerId);
    const nothing = await counts(org);

    const over = await pay(org, { accountId: customerId, date: today, method: 'cash', amount: '100.00', allocations: [{ invoiceId: a.id, amount: '90.00' }, { invoiceId: a.id, amount: '40.00' }] }).expect(422);
    expect(over.body).toMatchObject({
      code: 'allocation_exceeds_balance',
      errors: [
        { path: 'allocations[1].amount', message: expect.stringContaining('130.00') },
        { path: 'allocations', message: expect.stringContaining('100.00') },
      ],
    });
    const sum = await pay(org, { accountId: customerId, date: today, method: 'cash', amount: '10.00', allocations: [{ invoiceId: a.id, amount: '20.00' }] }).expect(422);
    expect(sum.body).toMatchObject({ code: 'allocation_exceeds_payment', errors: [{ path: 'allocations' }] });
    const notPayable = await pay(org, { accountId: customerId, date: today, method: 'cash', amount: '10.00', allocations: [{ invoiceId: draft.id, amount: '1.00' }, { invoiceId: foreign.id, amount: '1.00' }] }).expect(422);
    expect(notPayable.body).toMatchObject({
      code: 'invoice_not_payable',
      errors: [
        { path: 'allocations[0].invoiceId', message: expect.stringContaining('draft') },
        { path: 'allocations[1].invoiceId', message: expect.stringContaining('another customer') },
      ],
    });
    const future = await pay(org, { accountId: customerId, date: addDaysTo(today, 2), method: 'cash', amount: '10.00' }).expect(409);
    expect(future.body).toMatchObject({ code: 'date_in_future', errors: [{ path: 'date' }] });
    const zero = await pay(org, { accountId: customerId, date: today, method: 'cash', amount: '0.00' }).expect(400);
    expect(zero.body.errors).toEqual([{ path: 'amount', message: expect.any(String) }]);
    const badShape = await pay(org, { accountId: customerId, date: today, method: 'bitcoin', amount: '1.234', allocations: [{ invoiceId: 'x', amount: '-1' }] }).expect(400);
    expect(badShape.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['allocations[0].amount', 'allocations[0].invoiceId', 'amount', 'method']);
    expect(await counts(org)).toEqual(nothing);
    expect(await getInvoice(org, a.id)).toMatchObject({ paymentStatus: 'unpaid', balance: { due: '120.00' } });
  });

  it("answers 404 for another tenant's invoice, payment or customer, and never touches them", async () => {
    const mine = await tenant('Mien');
    const theirs = await tenant('Autrui');
    const their = await invoice(theirs.org, theirs.customerId, '100.00');
    const theirPayment = await pay(theirs.org, { accountId: theirs.customerId, date: today, method: 'cash', amount: '200.00' }).expect(201);

    const res = await pay(mine.org, { accountId: mine.customerId, date: today, method: 'cash', amount: '10.00', allocations: [{ invoiceId: their.id, amount: '10.00' }] }).expect(404);
    expect(res.body).toMatchObject({ code: 'not_found', errors: [{ path: 'allocations[0].invoiceId' }] });
    const account = await pay(mine.org, { accountId: theirs.customerId, date: today, method: 'cash', amount: '10.00' }).expect(404);
    expect(account.body).toMatchObject({ code: 'not_found', errors: [{ path: 'accountId' }] });
    await api().get(`/api/v1/payments/${theirPayment.body.id}`).set(mine.org.auth).expect(404);
    await api().post(`/api/v1/payments/${theirPayment.body.id}/allocations`).set(mine.org.auth).send({ allocations: [{ invoiceId: their.id, amount: '1.00' }] }).expect(404);
    await api().post(`/api/v1/payments/${theirPayment.body.id}/cancel`).set(mine.org.auth).send({ date: today, reason: 'x' }).expect(404);
    expect(await getInvoice(theirs.org, their.id)).toMatchObject({ paymentStatus: 'unpaid' });
    expect(await counts(mine.org)).toEqual({ payments: 0, allocations: 0 });
  });

  it('spends a credit note on the invoice it corrects at validation, and refunds the rest', async () => {
    const { org, customerId } = await tenant('Avoir');
    const inv = await invoice(org, customerId, '100.00');
    await pay(org, { accountId: customerId, date: today, method: 'transfer', amount: '100.00', allocations: [{ invoiceId: inv.id, amount: '100.00' }] }).expect(201);
    const draft = await api().post(`/api/v1/invoices/${inv.id}/credit-note`).set(org.auth).send({}).expect(201);
    const creditNote = await api().post(`/api/v1/invoices/${draft.body.id}/validate`).set(org.auth).expect(200);
    expect(creditNote.body).toMatchObject({ kind: 'credit_note', balance: { due: '100.00' }, paymentStatus: null });
    expect(await getInvoice(org, inv.id)).toMatchObject({ paymentStatus: 'paid', balance: { paid: '100.00', credited: '20.00', due: '0.00' } });

    const refund = await api()
      .post('/api/v1/refunds')
      .set(org.auth)
      .send({ accountId: customerId, date: today, method: 'transfer', amount: '100.00', reference: 'REMB-1', from: [{ creditNoteId: draft.body.id, amount: '100.00' }] })
      .expect(201);
    expect(refund.body).toMatchObject({ direction: 'out', amount: '100.00', allocations: [{ sourceType: 'credit_note', targetType: 'refund', amount: '100.00' }] });
    expect((await api().get(`/api/v1/invoices/${draft.body.id}`).set(org.auth).expect(200)).body.balance.due).toBe('0.00');
    const again = await api().post('/api/v1/refunds').set(org.auth).send({ accountId: customerId, date: today, method: 'transfer', amount: '1.00', from: [{ creditNoteId: draft.body.id, amount: '1.00' }] }).expect(422);
    expect(again.body).toMatchObject({ code: 'allocation_exceeds_balance', errors: [{ path: 'from[0].amount' }] });

    // Cancelling the refund gives the credit back; the credit note can then be spent on another invoice.
    await api().post(`/api/v1/payments/${refund.body.id}/cancel`).set(org.auth).send({ date: today, reason: 'Saisie en double' }).expect(200);
    const other = await invoice(org, customerId, '50.00');
    const spent = await api().post(`/api/v1/credit-notes/${draft.body.id}/allocations`).set(org.auth).send({ allocations: [{ invoiceId: other.id, amount: '60.00' }] }).expect(201);
    expect(spent.body.data.map((a: { amount: string }) => a.amount)).toEqual(['20.00', '100.00', '-100.00', '60.00']);
    expect(await getInvoice(org, other.id)).toMatchObject({ paymentStatus: 'paid', balance: { paid: '0.00', credited: '60.00', due: '0.00' } });
    expect((await api().get(`/api/v1/invoices/${draft.body.id}`).set(org.auth).expect(200)).body.balance.due).toBe('40.00');
  });

  it('cancels a payment with reversing entries: the invoice re-opens from that date and was paid the day before', async () => {
    const { org, customerId } = await tenant('Annulation');
    const yesterday = addDaysTo(today, -1);
    const inv = await invoice(org, customerId, '100.00', yesterday);
    const res = await pay(org, { accountId: customerId, date: yesterday, method: 'cheque', amount: '120.00', allocations: [{ invoiceId: inv.id, amount: '120.00' }] }).expect(201);
    expect(await getInvoice(org, inv.id)).toMatchObject({ paymentStatus: 'paid' });

    const cancelled = await api().post(`/api/v1/payments/${res.body.id}/cancel`).set(org.auth).send({ date: today, reason: 'Chèque impayé' }).expect(200);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', cancelledOn: today, cancelReason: 'Chèque impayé', unallocated: '0.00' });
    expect(cancelled.body.allocations.map((a: { amount: string; date: string }) => [a.amount, a.date])).toEqual([['120.00', yesterday], ['-120.00', today]]);
    expect(await getInvoice(org, inv.id)).toMatchObject({ paymentStatus: 'unpaid', balance: { paid: '0.00', due: '120.00' } });
    expect((await t.sql<{ settled_on: string | null }>(`SELECT settled_on FROM sales_documents WHERE id = $1`, [inv.id]))[0]!.settled_on).toBeNull();

    // As of yesterday the allocations still settle it; as of today it is open again.
    const asOf = async (date: string) =>
      (await t.sql<{ settled: string }>(`SELECT coalesce(sum(amount), 0)::text AS settled FROM payment_allocations WHERE target_id = $1 AND date <= $2`, [inv.id, date]))[0]!.settled;
    expect(await asOf(yesterday)).toBe('120.00');
    expect(await asOf(today)).toBe('0.00');
    expect(await t.sql(`SELECT id FROM payments WHERE id = $1`, [res.body.id])).toHaveLength(1);

    const twice = await api().post(`/api/v1/payments/${res.body.id}/cancel`).set(org.auth).send({ date: today, reason: 'encore' }).expect(409);
    expect(twice.body.code).toBe('payment_cancelled');
    const entries = await t.sql<{ record_type: string; record_date: string }>(`SELECT record_type, record_date::text FROM ledger_entries WHERE record_id = $1 ORDER BY seq`, [res.body.id]);
    expect(entries).toEqual([{ record_type: 'payment', record_date: yesterday }, { record_type: 'payment_cancellation', record_date: today }]);
    const events = await t.sql<{ name: string }>(`SELECT name FROM outbox_events WHERE aggregate_id = $1 ORDER BY occurred_at`, [res.body.id]);
    expect(events.map((e) => e.name)).toEqual(['billing.payment.recorded', 'billing.payment.cancelled']);
    expect((await api().get('/api/v1/ledger/verify').set(org.auth).expect(200)).body.ok).toBe(true);
  });

  it('records a provider payment exactly once, even when the same notification arrives twice at the same time', async () => {
    const { org, customerId } = await tenant('Webhook');
    const inv = await invoice(org, customerId, '100.00');
    const ctx: TenantContext = { organizationId: org.organizationId, companyId: org.companyId, actor: { type: 'system', id: '', name: 'stripe' }, role: 'admin', scopes: ['*'] };
    const input = { accountId: customerId, date: today, method: 'stripe' as const, amount: '120.00', externalRef: 'pi_3Test', allocations: [{ invoiceId: inv.id, amount: '120.00' }] };
    const record = () => t.app.get(TenantDb).transaction(ctx, (tx) => t.app.get(PaymentService).recordExternal(tx, input));
    const results = await Promise.all([record(), record()]);
    expect(results.map((r) => r.created).sort()).toEqual([false, true]);
    expect(results[0]!.payment.id).toBe(results[1]!.payment.id);
    expect(await getInvoice(org, inv.id)).toMatchObject({ paymentStatus: 'paid', balance: { paid: '120.00', due: '0.00' } });
    const again = await record();
    expect(again).toMatchObject({ created: false, payment: { id: results[0]!.payment.id } });
    expect(await counts(org)).toEqual({ payments: 1, allocations: 1 });
    const twice = await pay(org, { accountId: customerId, date: today, method: 'stripe', amount: '1.00', externalRef: 'pi_3Test' }).expect(409);
    expect(twice.body).toMatchObject({ code: 'external_ref_exists', errors: [{ path: 'externalRef' }] });
  });

  it('lists payments with filters', async () => {
    const { org, customerId } = await tenant('Liste');
    const p1 = await pay(org, { accountId: customerId, date: addDaysTo(today, -3), method: 'cash', amount: '10.00' }).expect(201);
    const p2 = await pay(org, { accountId: customerId, date: today, method: 'card', amount: '20.00' }).expect(201);
    await api().post(`/api/v1/payments/${p1.body.id}/cancel`).set(org.auth).send({ date: today, reason: 'erreur' }).expect(200);
    const all = await api().get('/api/v1/payments').set(org.auth).expect(200);
    expect(all.body.data.map((p: { id: string }) => p.id)).toEqual([p2.body.id, p1.body.id]);
    expect((await api().get('/api/v1/payments?method=card').set(org.auth).expect(200)).body.data.map((p: { id: string }) => p.id)).toEqual([p2.body.id]);
    expect((await api().get('/api/v1/payments?status=cancelled').set(org.auth).expect(200)).body.data.map((p: { id: string }) => p.id)).toEqual([p1.body.id]);
    expect((await api().get(`/api/v1/payments?dateTo=${addDaysTo(today, -1)}`).set(org.auth).expect(200)).body.data.map((p: { id: string }) => p.id)).toEqual([p1.body.id]);
    const page = await api().get('/api/v1/payments?limit=1').set(org.auth).expect(200);
    const next = await api().get(`/api/v1/payments?limit=1&cursor=${page.body.nextCursor}`).set(org.auth).expect(200);
    expect(next.body.data.map((p: { id: string }) => p.id)).toEqual([p1.body.id]);
    await api().get('/api/v1/payments?status=lost').set(org.auth).expect(400);
  });

  it('two payments racing on the same invoice never over-allocate it', async () => {
    const { org, customerId } = await tenant('Course');
    const inv = await invoice(org, customerId, '100.00');
    const racers = await Promise.all(
      Array.from({ length: 6 }, (_, i) => pay(org, { accountId: customerId, date: today, method: 'transfer', amount: '50.00', reference: `R${i}`, allocations: [{ invoiceId: inv.id, amount: '50.00' }] })),
    );
    const statuses = racers.map((r) => r.status).sort();
    expect(statuses).toEqual([201, 201, 422, 422, 422, 422]);
    racers.filter((r) => r.status === 422).forEach((r) => expect(r.body.code).toBe('allocation_exceeds_balance'));
    const [row] = await t.sql<{ balance_due: string; paid: string; payments: number }>(
      `SELECT balance_due::text, paid::text, (SELECT count(*)::int FROM payments WHERE company_id = d.company_id) AS payments FROM sales_documents d WHERE id = $1`,
      [inv.id],
    );
    expect(row).toEqual({ balance_due: '20.00', paid: '100.00', payments: 2 });
  });

  it('/ledger/verify catches a superuser who edits a sealed payment amount or undoes a cancellation', async () => {
    const { org, customerId } = await tenant('Fraude paiement');
    const res = await pay(org, { accountId: customerId, date: today, method: 'cash', amount: '80.00' }).expect(201);
    const other = await pay(org, { accountId: customerId, date: today, method: 'cash', amount: '5.00' }).expect(201);
    await api().post(`/api/v1/payments/${other.body.id}/cancel`).set(org.auth).send({ date: today, reason: 'erreur' }).expect(200);
    expect((await api().get('/api/v1/ledger/verify').set(org.auth).expect(200)).body.ok).toBe(true);

    const tamper = async (sql: string, id: string) => {
      await t.sql(`ALTER TABLE payments DISABLE TRIGGER USER`);
      try {
        await t.sql(sql, [id]);
      } finally {
        await t.sql(`ALTER TABLE payments ENABLE TRIGGER USER`);
      }
    };
    await tamper(`UPDATE payments SET amount = 8 WHERE id = $1`, res.body.id);
    const changed = await api().get('/api/v1/ledger/verify').set(org.auth).expect(200);
    expect(changed.body).toMatchObject({ ok: false, reason: 'record_changed', firstBrokenEntry: { recordId: res.body.id } });
    await tamper(`UPDATE payments SET amount = 80 WHERE id = $1`, res.body.id);
    expect((await api().get('/api/v1/ledger/verify').set(org.auth).expect(200)).body.ok).toBe(true);

    await tamper(`UPDATE payments SET status = 'recorded', cancelled_on = NULL WHERE id = $1`, other.body.id);
    const undone = await api().get('/api/v1/ledger/verify').set(org.auth).expect(200);
    expect(undone.body).toMatchObject({ ok: false, reason: 'record_changed', firstBrokenEntry: { recordId: other.body.id } });
  });
});
